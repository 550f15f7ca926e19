namespace DataPlatform.Processing.Alarms.Rules;

/// <summary>
/// Shipped alarm rules for emission readings, added to <see cref="AlarmRuleDefaults"/> when no rules are configured.
/// The limits are the rule's data: configure <c>Processing:Alarms:Rules</c> with this rule and other numbers (e.g.
/// GB 3847-2018 限值b, k 0.7 m⁻¹ / N 30 %, in key regions) to change them.
/// Defaults: GB 3847-2018 限值a — free acceleration k 1.2 m⁻¹; lug-down opacity 40 % (N = 100·(1 − e^(−k·0.43 m)),
/// so k 1.2 m⁻¹ is about N 40 % on the standard path).
/// </summary>
public static class EmissionAlarmRules
{
    public const string OpacityOverLimitId = "opacity-over-limit";

    public static IReadOnlyList<AlarmRule> Defaults { get; } =
    [
        new()
        {
            Id = OpacityOverLimitId, Source = AlarmSources.EmissionReading, OpacityPercentAbove = 40, AbsorptionCoefficientAbove = 1.2,
            Severity = AlarmSeverity.Warning, Title = "车辆{plate}在{gate}门岗烟度超标：不透光度{opacity}%，光吸收系数{coefficient} m⁻¹（{device}）",
            DedupeWindowMinutes = 60,
        },
    ];
}
