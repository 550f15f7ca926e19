namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>The rules shipped when <c>Processing:Alarms:Rules</c> is empty: what a gate operator must see
/// without configuring anything (HJ 1321-2023 门禁系统 alarms: 黑名单/管控违规, 车牌未识别, 设备离线, 鉴权失败).</summary>
public static class AlarmRuleDefaults
{
    public static IReadOnlyList<AlarmRule> Rules { get; } =
    [
        new()
        {
            Id = "blacklist-attempt", Source = AlarmSources.Decision, Outcomes = ["deny"], RuleIdPrefixes = ["blacklist"],
            Severity = AlarmSeverity.Critical, Title = "黑名单车辆{plate}试图从{gate}门岗通行，已拦截", DedupeWindowMinutes = 30,
        },
        new()
        {
            Id = "policy-violation-attempt", Source = AlarmSources.Decision, Outcomes = ["deny"], RuleIdPrefixes = ["policy:"],
            Severity = AlarmSeverity.Warning, Title = "车辆{plate}在管控期间试图从{gate}门岗通行：{ruleText}", DedupeWindowMinutes = 30,
        },
        new()
        {
            Id = "plate-unrecognised", Source = AlarmSources.Decision, Outcomes = ["manual"], PlateColors = ["unknown"],
            Severity = AlarmSeverity.Warning, Title = "{gate}门岗车牌未能识别，需人工核验：{reason}", DedupeWindowMinutes = 10,
        },
        new()
        {
            Id = "unregistered-vehicle", Source = AlarmSources.Decision, Outcomes = ["manual"], RuleIdPrefixes = ["unknown-vehicle"],
            Severity = AlarmSeverity.Info, Title = "未登记车辆{plate}在{gate}门岗待人工核验：{reason}", DedupeWindowMinutes = 60,
        },
        new()
        {
            Id = "device-offline", Source = AlarmSources.DeviceEvent, DeviceEventKinds = ["offline"],
            Severity = AlarmSeverity.Critical, Title = "设备{device}离线：{message}", DedupeWindowMinutes = 30,
        },
        new()
        {
            Id = "device-auth-failed", Source = AlarmSources.DeviceEvent, DeviceEventKinds = ["auth_failed"],
            Severity = AlarmSeverity.Warning, Title = "设备{device}鉴权失败：{reason}", DedupeWindowMinutes = 15,
        },
        new()
        {
            Id = "device-picture-missing", Source = AlarmSources.DeviceEvent, DeviceEventKinds = ["picture_missing"],
            Severity = AlarmSeverity.Warning, Title = "{message}", DedupeWindowMinutes = 60,
        },
        .. BridgeAlarmRules.Rules,
        new()
        {
            Id = "unregistered-machinery-seen", Source = AlarmSources.Decision, Outcomes = ["seen"],
            RuleIdPrefixes = ["register:unregistered-non-road"], Severity = AlarmSeverity.Warning,
            Title = "作业区{gate}发现未登记的非道路移动机械{plate}，请核查并登记", DedupeWindowMinutes = 60,
        },
        new()
        {
            Id = "unregistered-in-plant-vehicle-seen", Source = AlarmSources.Decision, Outcomes = ["seen"],
            RuleIdPrefixes = ["register:unregistered-in-plant"], Severity = AlarmSeverity.Warning,
            Title = "作业区{gate}发现未登记的厂内运输车辆{plate}，请核查并登记", DedupeWindowMinutes = 60,
        },
    ];
}
