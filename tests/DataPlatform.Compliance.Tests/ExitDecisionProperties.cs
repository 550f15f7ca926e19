using DataPlatform.Compliance.Decisions;
using DataPlatform.Compliance.Policies;

namespace DataPlatform.Compliance.Tests;

/// <summary>Exit decisions with the trip state supplied as data.</summary>
public sealed class ExitDecisionProperties
{
    private sealed record Scenario(DateTimeOffset? Entered, WeighingSeen[] Weighings, Booking[] Bookings, int Required);

    private static readonly Gen<Scenario> ScenarioGen =
        from entered in Gen.OneOf(Gen.Constant((DateTimeOffset?)null), Gen.Choose(1, 600).Select(m => (DateTimeOffset?)Now.AddMinutes(-m)))
        from weighings in Gen.ArrayOf(
            from minutes in Gen.Choose(-700, 0)
            from cargo in Gen.Elements<string?>(null, "煤炭", "铁矿石")
            select new WeighingSeen(Now.AddMinutes(minutes), cargo))
        from booked in Gen.Elements(0, 0, 1)
        from cargo in Gen.Elements<string?>(null, "煤炭")
        from required in Gen.Choose(1, 2)
        select new Scenario(entered, weighings,
            booked == 0 ? [] : [new Booking("bk-1", Enterprise, Key("冀B12345"), Now.AddHours(-12), Now.AddHours(1), cargo, false)],
            required);

    [Property(MaxTest = 1000)]
    public Property An_exit_is_allowed_exactly_when_entered_weighed_and_any_booking_closed() =>
        Prop.ForAll(ScenarioGen.ToArbitrary(), s =>
        {
            var state = TripStates.For(s.Entered, s.Weighings, s.Bookings, s.Required);
            var decision = GateDecider.Decide(Entry("冀B12345", direction: Direction.Out), Registry, OrangePolicies, state, Now, GateDeciderOptions.Default);
            var since = s.Entered is { } e ? s.Weighings.Count(w => w.Time >= e) : 0;
            var weighed = s.Entered is not null && since >= s.Required;
            var cargoOk = s.Bookings.All(b => b.CargoName is null)
                          || s.Weighings.Any(w => w.Time >= s.Entered && s.Bookings.Any(b => b.CargoName == w.CargoName));
            var allowed = weighed && (s.Bookings.Length == 0 || cargoOk);
            Assert.Equal(allowed ? GateOutcome.Allow : GateOutcome.Manual, decision.Outcome);
            Assert.Equal(GateRules.ExitCondition, decision.Rule);
            Assert.Contains(decision.Outcome.ChineseText, decision.DisplayText, StringComparison.Ordinal);
            if (!allowed) Assert.All(decision.Reasons, r => Assert.StartsWith("出厂条件未满足：", r, StringComparison.Ordinal));
            // Weighings before the entry belong to an earlier trip and never make this one weighed.
            if (s.Entered is { } entry && s.Weighings.All(w => w.Time < entry)) Assert.NotEqual(GateOutcome.Allow, decision.Outcome);
        });

    [Property(MaxTest = 500)]
    public Property The_decision_is_a_pure_function_of_event_registry_policies_trip_state_and_time() =>
        Prop.ForAll(ScenarioGen.ToArbitrary(), Gen.Elements(Direction.In, Direction.Out).ToArbitrary(), (s, direction) =>
        {
            var e = Entry("冀B12345", direction: direction);
            var state = TripStates.For(s.Entered, s.Weighings, s.Bookings, s.Required);
            var first = GateDecider.Decide(e, Registry, OrangePolicies, state, Now, GateDeciderOptions.Default);
            // Rebuilt from the same data, weighings in another order: same decision.
            var again = TripStates.For(s.Entered, s.Weighings.Reverse().ToArray(), s.Bookings, s.Required);
            Assert.Equal(state, again);
            Assert.Equal(first, GateDecider.Decide(e, Registry, OrangePolicies, again, Now, GateDeciderOptions.Default));
            // Entries never depend on the trip state.
            if (direction == Direction.In)
                Assert.Equal(GateDecider.Decide(e, Registry, OrangePolicies, Now), first);
        });

    [Fact]
    public void Booked_cargo_not_weighed_keeps_the_booking_open()
    {
        var booking = new Booking("bk-1", Enterprise, Key("冀B12345"), Now.AddHours(-12), Now.AddHours(1), "煤炭", false);
        var state = TripStates.For(Now.AddHours(-2), [new(Now.AddHours(-1), "铁矿石"), new(Now.AddMinutes(-30), null)], [booking]);
        Assert.Equal(new TripState(true, true, true, false), state);
        var decision = GateDecider.DecideExit(Entry("冀B12345", direction: Direction.Out), Registry, OrangePolicies, state, Now);
        Assert.Equal(GateOutcome.Manual, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Contains("预约未关闭", StringComparison.Ordinal));
        Assert.True(TripStates.For(Now.AddHours(-2), [new(Now.AddHours(-1), "煤炭"), new(Now.AddMinutes(-30), null)], [booking]).IsBookingClosed);
    }
}
