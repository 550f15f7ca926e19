using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Passages;

/// <summary>One row of the <c>passages</c> ledger table (进出厂运输车辆台账), as the writer inserts it.</summary>
/// <remarks><paramref name="PassTimeChina"/>: The pass time as a UTC instant, whole seconds (the column's
/// precision).</remarks>
public sealed record PassageRow(
    Guid PassageId,
    string EventId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    byte Direction,
    DateTime PassTimeChina,
    string PlateNo,
    string PlateColor,
    float? Confidence,
    string VehicleType,
    string DeviceId,
    string[] Pictures)
{
    /// <summary>The row's hash-chain link (<see cref="PassageSealer"/>); written in the same insert as the row.</summary>
    public ChainSeal? Seal { get; init; }

    /// <summary>Why the plate read needs a reviewer (待审核原因, Chinese); empty when the read was certain. Sealed with
    /// the row (<see cref="PassageLedgerRecord"/>).</summary>
    public string ReviewReason { get; init; } = "";

    /// <summary>Plates the sources or the registry suggest, for the reviewer.</summary>
    public string[] ReviewCandidates { get; init; } = [];

    public bool NeedsReview => ReviewReason.Length > 0;

    /// <summary>Column order of <see cref="Values"/>, matching the table.</summary>
    public static readonly string[] Columns =
    [
        "passage_id", "event_id", "enterprise_id", "gate_id", "lane_id", "direction", "pass_time",
        "plate_no", "plate_color", "confidence", "vehicle_type", "device_id", "pictures",
        "chain_key", "chain_seq", "prev_hash", "record_hash", "review_reason", "review_candidates",
    ];

    /// <summary>The row's column values. An unsealed row (only raw-insert benchmarks write one; the writer always
    /// seals) gets the empty seal, which verification reports as a row inserted behind the platform's back.</summary>
    public object?[] Values() =>
    [
        PassageId, EventId, EnterpriseId, GateId, LaneId, Direction, PassTimeChina,
        PlateNo, PlateColor, Confidence, VehicleType, DeviceId, Pictures,
        Seal is { } s ? PassageChain.Format(s.Chain) : "", (ulong)(Seal?.Sequence ?? 0), Seal?.PrevHash ?? "", Seal?.Hash ?? "",
        ReviewReason, ReviewCandidates,
    ];
}
