using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Tests.Alarms;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Alarms;

/// <summary>The pure alarm rules: deterministic, de-duplicating by id, silent when nothing matches.</summary>
public sealed class AlarmEvaluatorProperties
{
    private static readonly AlarmEvaluator Defaults = new(AlarmRuleDefaults.Rules);

    [Property]
    public Property The_same_input_always_raises_the_same_alarms() => Prop.ForAll(AlarmGenerators.Inputs.ToArbitrary(), input =>
        Defaults.Evaluate(input).SequenceEqual(Defaults.Evaluate(input with { })));

    [Property]
    public Property Repeats_within_one_window_collapse_into_one_alarm()
    {
        // Two different passages of the same plate at the same gate, both inside one dedupe window.
        var pairs =
            from window in Gen.Choose(1, 240)
            from slot in Gen.Choose(0, 20_000)
            from a in Gen.Choose(0, window * 60 - 1)
            from b in Gen.Choose(0, window * 60 - 1)
            from decision in AlarmGenerators.Decisions(Gen.Constant(DateTimeOffset.UnixEpoch))
            select (window, first: decision with { EventId = "a", PassTime = At(window, slot, a) },
                second: decision with { EventId = "b", PassageId = Guid.NewGuid(), PassTime = At(window, slot, b), Reasons = ["另一次"] });
        return Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var evaluator = new AlarmEvaluator([.. AlarmRuleDefaults.Rules.Select(r => WithWindow(r, p.window))]);
            var first = evaluator.Evaluate(AlarmInputs.FromDecision(p.first)).Select(x => x.AlarmId);
            var second = evaluator.Evaluate(AlarmInputs.FromDecision(p.second)).Select(x => x.AlarmId);
            return first.SequenceEqual(second);
        });
    }

    [Property]
    public Property Every_alarm_comes_from_a_matching_rule_and_none_without_one() => Prop.ForAll(AlarmGenerators.Inputs.ToArbitrary(), input =>
    {
        var raised = Defaults.Evaluate(input).Select(a => a.RuleId).ToList();
        var matching = AlarmRuleDefaults.Rules.Where(r => AlarmEvaluator.Matches(r, input)).Select(r => r.Id).ToList();
        return raised.SequenceEqual(matching);
    });

    [Property]
    public Property Allowed_passages_and_devices_coming_online_raise_nothing()
    {
        var quiet = Gen.OneOf(
            AlarmGenerators.Decisions(AlarmGenerators.Times).Select(d => AlarmInputs.FromDecision(d with { Outcome = "allow" })),
            AlarmGenerators.DeviceEvents(AlarmGenerators.Times).Select(e => AlarmInputs.FromDeviceEvent(e with { Kind = "online" })));
        return Prop.ForAll(quiet.ToArbitrary(), input => Defaults.Evaluate(input).Count == 0);
    }

    [Property]
    public Property Rules_of_another_source_never_match() => Prop.ForAll(AlarmGenerators.Inputs.ToArbitrary(), input =>
    {
        var foreign = AlarmRuleDefaults.Rules.Where(r => r.Source != input.Source).ToList();
        return new AlarmEvaluator(foreign).Evaluate(input).Count == 0;
    });

    [Fact]
    public void A_blacklisted_truck_raises_a_critical_alarm_with_a_chinese_title()
    {
        var d = AlarmGenerators.Decision("e1", "G01", "冀B99999", "yellow", "deny", "blacklist", ["黑名单车辆"], DateTimeOffset.Now);
        var alarm = Assert.Single(Defaults.Evaluate(AlarmInputs.FromDecision(d)));
        Assert.Equal(("blacklist-attempt", AlarmSeverity.Critical), (alarm.RuleId, alarm.Severity));
        Assert.Equal("黑名单车辆冀B99999试图从G01门岗通行，已拦截", alarm.Title);
        Assert.Equal("blacklist-attempt|E1302001|G01|冀B99999", alarm.DedupeKey);
    }

    [Fact]
    public void The_next_window_raises_a_new_alarm_and_no_window_means_one_per_input()
    {
        var t = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));
        var d = AlarmGenerators.Decision("e1", "G01", "冀B99999", "yellow", "deny", "blacklist", [], t);
        Assert.Equal(Id(30, d), Id(30, d with { EventId = "e2", PassTime = t.AddMinutes(29) }));
        Assert.NotEqual(Id(30, d), Id(30, d with { PassTime = t.AddMinutes(30) }));
        Assert.NotEqual(Id(0, d), Id(0, d with { PassageId = Guid.NewGuid() }));
        Assert.Equal(Id(0, d), Id(0, d));
    }

    [Fact]
    public void Broken_configured_rules_are_named()
    {
        Assert.NotNull(AlarmRuleValidation.Problem(new AlarmRule { Id = "", Title = "x" }));
        Assert.NotNull(AlarmRuleValidation.Problem(new AlarmRule { Id = "a", Title = "x", Severity = "fatal" }));
        Assert.NotNull(AlarmRuleValidation.Problem(new AlarmRule { Id = "a", Title = "x", Source = "weighing" }));
        Assert.All(AlarmRuleDefaults.Rules, r => Assert.Null(AlarmRuleValidation.Problem(r)));
    }

    private static Guid Id(int window, DataPlatform.Processing.Decisions.GateDecisionMessage d) =>
        new AlarmEvaluator([WithWindow(AlarmRuleDefaults.Rules[0], window)]).Evaluate(AlarmInputs.FromDecision(d)).Single().AlarmId;

    // Windows are aligned on DateTime ticks (year 1), so build the times the same way: slot N of the window size
    // counted from 2020, plus an offset inside it.
    private static DateTimeOffset At(int windowMinutes, int slot, int secondsIntoWindow)
    {
        var size = TimeSpan.FromMinutes(windowMinutes).Ticks;
        var start = (new DateTime(2020, 1, 1).Ticks / size + slot) * size;
        return new DateTimeOffset(new DateTime(start, DateTimeKind.Utc)).AddSeconds(secondsIntoWindow).ToOffset(TimeSpan.FromHours(8));
    }

    private static AlarmRule WithWindow(AlarmRule r, int minutes) => new()
    {
        Id = r.Id, Source = r.Source, Outcomes = r.Outcomes, RuleIdPrefixes = r.RuleIdPrefixes, PlateColors = r.PlateColors,
        ReasonContains = r.ReasonContains, DeviceEventKinds = r.DeviceEventKinds, Severity = r.Severity, Title = r.Title,
        DedupeWindowMinutes = minutes,
    };
}
