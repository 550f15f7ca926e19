using System.Globalization;
using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Reviews;

/// <summary>A review action as the hash chain sees it: every stored business column, through one function for the
/// writer and the verifier. Chained per enterprise and China date of <c>applied_at</c> under the pseudo-gate
/// <see cref="ChainGate"/>, so the chain keys parse like the passages' ones.</summary>
public static class ReviewActionLedgerRecord
{
    public const string Kind = "review_action";
    public const string ChainGate = "review";

    public static LedgerRecord For(ReviewActionRow r) => new(
        r.ActionId.ToString("D"), Kind, r.EnterpriseId, ChainGate,
        new DateTimeOffset(DateTime.SpecifyKind(r.AppliedAt, DateTimeKind.Utc)),
        [
            new("request_id", r.RequestId),
            new("passage_id", r.PassageId.ToString("D")),
            new("passage_record_hash", r.PassageRecordHash),
            new("gate_id", r.GateId),
            new("lane_id", r.LaneId),
            new("pass_time", LedgerValues.Of(new DateTimeOffset(DateTime.SpecifyKind(r.PassTime, DateTimeKind.Utc)))),
            new("action", r.Action),
            new("reject_kind", r.RejectKind),
            new("operator", r.Operator),
            new("source", r.Source),
            new("reason", r.Reason),
            new("requested_at", LedgerValues.Of(new DateTimeOffset(DateTime.SpecifyKind(r.RequestedAt, DateTimeKind.Utc)))),
            new("resolution_no", r.ResolutionNo.ToString(CultureInfo.InvariantCulture)),
            new("status_before", r.StatusBefore),
            new("status_after", r.StatusAfter),
            new("plate_no_before", r.PlateNoBefore),
            new("plate_color_before", r.PlateColorBefore),
            new("vehicle_type_before", r.VehicleTypeBefore),
            new("plate_no_after", r.PlateNoAfter),
            new("plate_color_after", r.PlateColorAfter),
            new("vehicle_type_after", r.VehicleTypeAfter),
            // Sealed only when set, so rows written before migration 0032 keep their hashes.
            .. r.OperatorName.Length > 0 ? [new LedgerField("operator_name", r.OperatorName)] : Array.Empty<LedgerField>(),
        ]);
}
