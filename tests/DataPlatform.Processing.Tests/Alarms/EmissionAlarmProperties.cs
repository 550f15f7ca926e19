using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Alarms;

/// <summary>The opacity-over-limit rule as data: a reading raises it exactly when one of its measures is above the
/// rule's limit; other sources never match it; the limit is the rule's number.</summary>
public sealed class EmissionAlarmProperties
{
    private static readonly AlarmRule Rule = EmissionAlarmRules.Defaults.Single();

    private static OpacityReading Reading(decimal? opacity, decimal? k, string plate = "冀B12345", int minute = 0) => new(
        "r-" + minute, "om-G01", "E1302001", "G01", "L1", plate, "yellow",
        new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)).AddMinutes(minute), opacity, k, "free-acceleration",
        new DateTimeOffset(2026, 11, 28, 10, 0, 5, TimeSpan.FromHours(8)));

    private static Gen<decimal?> Measure(int maxThousandths) =>
        Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(0, maxThousandths).Select(v => (decimal?)(v / 1000m)));

    [Property(MaxTest = 300)]
    public Property A_reading_raises_the_alarm_exactly_when_a_measure_exceeds_its_limit() =>
        Prop.ForAll(Measure(100_000).ToArbitrary(), Measure(20_000).ToArbitrary(), (opacity, k) =>
        {
            var alarms = new AlarmEvaluator([Rule]).Evaluate(EmissionAlarmInputs.FromOpacityReading(Reading(opacity, k)));
            var expected = opacity > 40m || k > 1.2m;
            return alarms.Count == (expected ? 1 : 0)
                   && alarms.All(a => a.RuleId == EmissionAlarmRules.OpacityOverLimitId && a.Subject == "冀B12345" && a.Title.Contains("烟度超标"));
        });

    [Fact]
    public void The_limit_is_the_rule_s_data_and_other_sources_never_match_it()
    {
        var strict = new AlarmRule
        {
            Id = "opacity-over-limit-b", Source = AlarmSources.EmissionReading, AbsorptionCoefficientAbove = 0.7, OpacityPercentAbove = 30,
            Severity = AlarmSeverity.Critical, Title = "{plate} 超过限值b", DedupeWindowMinutes = 0,
        };
        Assert.Null(AlarmRuleValidation.Problem(strict));
        var input = EmissionAlarmInputs.FromOpacityReading(Reading(null, 0.9m));
        Assert.Empty(new AlarmEvaluator([Rule]).Evaluate(input));
        Assert.Equal("冀B12345 超过限值b", Assert.Single(new AlarmEvaluator([strict]).Evaluate(input)).Title);
        // A device event for the same subject is not a reading, whatever its text.
        var deviceEvent = AlarmInputs.FromDeviceEvent(new DeviceEvent(Guid.NewGuid(), DeviceEventKinds.Offline, "om-G01", DateTimeOffset.UtcNow, "离线"));
        Assert.Empty(new AlarmEvaluator([Rule, strict]).Evaluate(deviceEvent));
        // The shipped device and decision rules, having no limits, never fire on a reading.
        Assert.Empty(new AlarmEvaluator(AlarmRuleDefaults.Rules).Evaluate(EmissionAlarmInputs.FromOpacityReading(Reading(99m, 19m))));
    }

    [Fact]
    public void Readings_of_one_truck_within_the_hour_window_are_one_alarm()
    {
        var evaluator = new AlarmEvaluator([Rule]);
        var ids = new[] { 0, 10, 59 }.Select(m => evaluator.Evaluate(EmissionAlarmInputs.FromOpacityReading(Reading(60m, 2m, minute: m))).Single().AlarmId).ToList();
        Assert.Single(ids.Distinct());
        var later = evaluator.Evaluate(EmissionAlarmInputs.FromOpacityReading(Reading(60m, 2m, minute: 61))).Single().AlarmId;
        Assert.NotEqual(ids[0], later);
        var other = evaluator.Evaluate(EmissionAlarmInputs.FromOpacityReading(Reading(60m, 2m, plate: "冀B54321"))).Single().AlarmId;
        Assert.NotEqual(ids[0], other);
    }
}
