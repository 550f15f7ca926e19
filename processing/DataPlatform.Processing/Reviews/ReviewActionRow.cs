using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Reviews;

/// <summary>One row of the <c>review_actions</c> ledger (人工审核记录). Times are UTC instants.</summary>
public sealed record ReviewActionRow(
    Guid ActionId,
    string RequestId,
    Guid PassageId,
    string PassageRecordHash,
    string EnterpriseId,
    string GateId,
    string LaneId,
    DateTime PassTime,
    string Action,
    string RejectKind,
    string Operator,
    string Source,
    string Reason,
    DateTime RequestedAt,
    DateTime AppliedAt,
    uint ResolutionNo,
    string StatusBefore,
    string StatusAfter,
    string PlateNoBefore,
    string PlateColorBefore,
    string VehicleTypeBefore,
    string PlateNoAfter,
    string PlateColorAfter,
    string VehicleTypeAfter)
{
    public ChainSeal? Seal { get; init; }

    /// <summary>The guard operator's configured display name (migration 0032); empty for the CLI and older rows.</summary>
    public string OperatorName { get; init; } = "";

    public static readonly string[] Columns =
    [
        "action_id", "request_id", "passage_id", "passage_record_hash", "enterprise_id", "gate_id", "lane_id", "pass_time",
        "action", "reject_kind", "operator", "source", "reason", "requested_at", "applied_at", "resolution_no",
        "status_before", "status_after", "plate_no_before", "plate_color_before", "vehicle_type_before",
        "plate_no_after", "plate_color_after", "vehicle_type_after", "chain_key", "chain_seq", "prev_hash", "record_hash", "operator_name",
    ];

    public object?[] Values() =>
    [
        ActionId, RequestId, PassageId, PassageRecordHash, EnterpriseId, GateId, LaneId, PassTime,
        Action, RejectKind, Operator, Source, Reason, RequestedAt, AppliedAt, ResolutionNo,
        StatusBefore, StatusAfter, PlateNoBefore, PlateColorBefore, VehicleTypeBefore,
        PlateNoAfter, PlateColorAfter, VehicleTypeAfter,
        Seal is { } s ? s.Chain.ToString() : "", (ulong)(Seal?.Sequence ?? 0), Seal?.PrevHash ?? "", Seal?.Hash ?? "", OperatorName,
    ];
}
