using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Decisions and device events → <see cref="AlarmInput"/>. Pure.</summary>
public static class AlarmInputs
{
    public static AlarmInput FromDecision(GateDecisionMessage d) => new(
        AlarmSources.Decision,
        d.PassageId.ToString(),
        d.EnterpriseId,
        d.GateId,
        // An unread plate has no useful text: count its repeats per lane instead of lumping every unknown plate.
        string.IsNullOrEmpty(d.PlateNo) ? $"lane:{d.LaneId}" : d.PlateNo,
        d.PassTime,
        d.Outcome,
        d.RuleId,
        d.PlateColor,
        "",
        d.Reasons,
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["plate"] = d.PlateNo,
            ["gate"] = d.GateId,
            ["lane"] = d.LaneId,
            ["ruleText"] = d.RuleText,
            ["outcomeText"] = d.OutcomeText,
            ["reason"] = d.Reasons.Count > 0 ? string.Join("；", d.Reasons) : d.RuleText,
            ["display"] = d.DisplayText,
        });

    public static AlarmInput FromDeviceEvent(DeviceEvent e) => new(
        AlarmSources.DeviceEvent,
        e.Id.ToString(),
        "",
        "",
        e.DeviceId,
        e.At,
        "",
        "",
        "",
        e.Kind,
        e.Reason is { Length: > 0 } r ? [r] : [],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["device"] = e.DeviceId,
            ["message"] = e.Message,
            ["reason"] = e.Reason ?? e.Message,
        });
}
