using DataPlatform.Compliance.Decisions;
using DataPlatform.Gate;
using DataPlatform.Processing.Passages;

namespace DataPlatform.Processing.Decisions;

/// <summary>A decision → its message and its ledger row. Pure.</summary>
public static class GateDecisionProjection
{
    public static string OutcomeName(GateOutcome outcome) => outcome switch
    {
        GateOutcome.Allow => "allow",
        GateOutcome.Deny => "deny",
        GateOutcome.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a gate outcome"),
    };

    public static GateDecisionMessage ToMessage(GateEvent e, GateDecision d, DateTimeOffset decidedAt, long policyVersion) => new(
        e.EventId,
        PassageIdentity.For(e.EnterpriseId, e.GateId, e.EventId),
        e.EnterpriseId,
        e.GateId,
        e.LaneId,
        (int)e.Direction,
        ChinaTime.From(e.PassTime),
        e.Plate.Text,
        e.PlateColor.ToWireName(),
        OutcomeName(d.Outcome),
        d.Outcome.ChineseText,
        d.Rule.Id,
        d.Rule.Description,
        d.DisplayText,
        d.Display.Stage,
        d.Display.ControlStatus,
        d.Reasons,
        ChinaTime.From(decidedAt),
        policyVersion);

    public static GateDecisionRow ToRow(GateDecisionMessage m, GateEvent e) => new(
        m.PassageId,
        m.EventId,
        m.EnterpriseId,
        m.GateId,
        m.LaneId,
        (byte)m.Direction,
        // DateTime('Asia/Shanghai') columns: hand the driver the UTC instant so no local zone leaks in.
        DateTime.SpecifyKind(m.PassTime.UtcDateTime, DateTimeKind.Utc),
        m.PlateNo,
        m.PlateColor,
        e.VehicleType?.Code ?? "",
        m.Outcome,
        m.OutcomeText,
        m.RuleId,
        m.RuleText,
        m.DisplayText,
        m.Stage,
        m.ControlStatus,
        [.. m.Reasons],
        DateTime.SpecifyKind(m.DecidedAt.UtcDateTime, DateTimeKind.Utc),
        (ulong)Math.Max(0, m.PolicyVersion),
        e.DeviceId ?? "");
}
