namespace DataPlatform.Processing.Decisions;

/// <summary>One row of <c>gate_decisions</c>; deny rows are the interception ledger (拦截台账).</summary>
public sealed record GateDecisionRow(
    Guid PassageId,
    string EventId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    byte Direction,
    DateTime PassTimeUtc,
    string PlateNo,
    string PlateColor,
    string VehicleType,
    string Outcome,
    string OutcomeText,
    string RuleId,
    string RuleText,
    string DisplayText,
    string Stage,
    string ControlStatus,
    string[] Reasons,
    DateTime DecidedAtUtc,
    ulong PolicyVersion,
    string DeviceId = "")
{
    public static readonly string[] Columns =
    [
        "passage_id", "event_id", "enterprise_id", "gate_id", "lane_id", "direction", "pass_time", "plate_no",
        "plate_color", "vehicle_type", "outcome", "outcome_text", "rule_id", "rule_text", "display_text", "stage",
        "control_status", "reasons", "decided_at", "policy_version", "device_id",
    ];

    public object?[] Values() =>
    [
        PassageId, EventId, EnterpriseId, GateId, LaneId, Direction, PassTimeUtc, PlateNo,
        PlateColor, VehicleType, Outcome, OutcomeText, RuleId, RuleText, DisplayText, Stage,
        ControlStatus, Reasons, DecidedAtUtc, PolicyVersion, DeviceId,
    ];
}
