namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>What makes a configured rule unusable; checked once at start.</summary>
public static class AlarmRuleValidation
{
    /// <summary>Null when the rule is usable, else why not (Chinese, for the operator's log).</summary>
    public static string? Problem(AlarmRule rule) =>
        string.IsNullOrWhiteSpace(rule.Id) ? "缺少规则编号 Id"
        : rule.Source is not (AlarmSources.Decision or AlarmSources.DeviceEvent or AlarmSources.EmissionReading or AlarmSources.BridgeStatus) ? $"未知来源 Source={rule.Source}"
        : !AlarmSeverity.IsKnown(rule.Severity) ? $"未知级别 Severity={rule.Severity}"
        : string.IsNullOrWhiteSpace(rule.Title) ? "缺少标题 Title"
        : rule.DedupeWindowMinutes < 0 ? "去重窗口不能为负数"
        : null;
}
