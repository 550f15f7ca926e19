namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>Default rules for the regulator bridge's findings (spec §5: both rates must stay ≥ 95 %; an upload
/// backlog or an unreachable platform puts them at risk). Matched on the finding's kind.</summary>
public static class BridgeAlarmRules
{
    public static IReadOnlyList<AlarmRule> Rules { get; } =
    [
        new()
        {
            Id = "transmission-rate-low", Source = AlarmSources.BridgeStatus, DeviceEventKinds = ["transmission-rate-low"],
            Severity = AlarmSeverity.Critical, Title = "监管平台传输率不达标：{message}", DedupeWindowMinutes = 24 * 60,
        },
        new()
        {
            Id = "completeness-rate-low", Source = AlarmSources.BridgeStatus, DeviceEventKinds = ["completeness-rate-low"],
            Severity = AlarmSeverity.Warning, Title = "监管平台完整率不达标：{message}", DedupeWindowMinutes = 24 * 60,
        },
        new()
        {
            Id = "upload-backlog", Source = AlarmSources.BridgeStatus, DeviceEventKinds = ["upload-backlog"],
            Severity = AlarmSeverity.Warning, Title = "监管平台上传积压：{message}", DedupeWindowMinutes = 60,
        },
        new()
        {
            Id = "regulator-platform-down", Source = AlarmSources.BridgeStatus, DeviceEventKinds = ["platform-down"],
            Severity = AlarmSeverity.Critical, Title = "{message}", DedupeWindowMinutes = 60,
        },
    ];
}
