using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Devices.Tests;

public sealed class StableWeightDetectorTests
{
    private static readonly StableWeightOptions Options = new("E1302001", "WB01", EmptyThresholdKg: 200m, ToleranceKg: 20m,
        MinStableReadings: 5, MinStableDuration: TimeSpan.FromSeconds(3));

    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, ChinaTime.Offset);

    private static List<WeighingEvent> Run(IEnumerable<(decimal Kg, bool? Motion)> readings, StableWeightOptions? options = null)
    {
        var detector = new StableWeightDetector(options ?? Options);
        var events = new List<WeighingEvent>();
        var i = 0;
        foreach (var (kg, motion) in readings)
            if (detector.Push(new IndicatorReading(T0.AddSeconds(i++), kg, motion)) is { } e)
                events.Add(e);
        return events;
    }

    [Fact]
    public void One_truck_gives_one_weighing_at_its_settled_weight()
    {
        (decimal, bool?)[] readings =
        [
            (0, false), (0, false), (8000, true), (31000, true), (49790, true),
            (49820, false), (49820, false), (49830, false), (49820, false), (49810, false), (49820, false),
            (49820, false), (30000, true), (5000, true), (0, false), (0, false),
        ];
        var e = Assert.Single(Run(readings));
        Assert.Equal(49820m, e.WeightKg);
        Assert.Equal(WeighingKind.Unknown, e.Kind);
        Assert.Equal("E1302001", e.EnterpriseId);
        Assert.Equal("WB01", e.WeighbridgeId);
        Assert.Equal(T0.AddSeconds(9), e.Time); // the 5th steady reading, 4 s after the first
        Assert.Equal(ChinaTime.Offset, e.Time.Offset);
    }

    [Fact]
    public void The_event_id_is_deterministic_and_depends_on_the_weighing()
    {
        var id = WeighingEventId.Create("E1", "WB01", T0, 49820m, null);
        Assert.Equal(id, WeighingEventId.Create("E1", "WB01", T0.ToUniversalTime(), 49820.000m, null));
        Assert.NotEqual(id, WeighingEventId.Create("E1", "WB01", T0, 49840m, null));
        Assert.NotEqual(id, WeighingEventId.Create("E1", "WB02", T0, 49820m, null));
        Assert.Matches("^wgh-[0-9a-f]{24}$", id);
    }

    [Fact]
    public void Motion_flag_prevents_a_weighing_even_when_the_numbers_look_steady()
    {
        var readings = Enumerable.Repeat((49820m, (bool?)true), 20).Prepend((0m, false)).Append((0m, false));
        Assert.Empty(Run(readings));
    }

    [Fact]
    public void Without_a_motion_flag_the_tolerance_decides()
    {
        (decimal, bool?)[] readings = [(0, null), (25000, null), (25010, null), (25000, null), (24995, null), (25005, null), (0, null)];
        Assert.Equal(25000m, Assert.Single(Run(readings)).WeightKg);
    }

    [Fact]
    public void A_second_plateau_in_the_same_cycle_is_not_a_second_weighing()
    {
        var plateau1 = Enumerable.Repeat((30000m, (bool?)false), 6);
        var shift = new[] { (29500m, (bool?)true) };
        var plateau2 = Enumerable.Repeat((29920m, (bool?)false), 6);
        var readings = plateau1.Concat(shift).Concat(plateau2).Prepend((0m, false)).Append((0m, false));
        Assert.Equal(30000m, Assert.Single(Run(readings)).WeightKg);
    }

    [Fact]
    public void Readings_out_of_order_are_ignored()
    {
        var detector = new StableWeightDetector(Options);
        for (var i = 0; i < 4; i++)
            Assert.Null(detector.Push(new IndicatorReading(T0.AddSeconds(i + 10), 20000m, false)));
        // Older than the last one: would have completed the window, but is a replay.
        Assert.Null(detector.Push(new IndicatorReading(T0.AddSeconds(5), 20000m, false)));
        Assert.NotNull(detector.Push(new IndicatorReading(T0.AddSeconds(14), 20000m, false)));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new StableWeightDetector(Options with { MinStableReadings = 1 }));
        Assert.ThrowsAny<ArgumentException>(() => new StableWeightDetector(Options with { ToleranceKg = -1 }));
        Assert.ThrowsAny<ArgumentException>(() => new StableWeightDetector(Options with { WeighbridgeId = " " }));
    }

    // ---- properties over generated vehicle cycles ----

    private sealed record Cycle(decimal PlateauKg, List<(decimal Kg, bool? Motion)> Readings);

    private static Gen<decimal> Noise(decimal amplitude) =>
        Gen.Choose(-(int)amplitude, (int)amplitude).Select(n => (decimal)n);

    private static readonly Gen<List<(decimal, bool?)>> EmptyScale =
        Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Gen.Choose(0, 150).Select(kg => ((decimal)kg, (bool?)false)), n)).Select(l => l.ToList());

    private static Gen<List<(decimal, bool?)>> Ramp(decimal towardsKg) =>
        Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Gen.Choose(201, (int)Math.Max(202, towardsKg)).Select(kg => ((decimal)kg, (bool?)true)), n))
            .Select(l => l.ToList());

    // A truck drives on (motion), settles for 5..15 readings with noise below half the tolerance (the flag may
    // be absent, as on XK3190), and drives off.
    private static readonly Gen<Cycle> SettlingCycle =
        from plateau in Gen.Choose(1000, 99_000).Select(kg => (decimal)kg)
        from up in Ramp(plateau)
        from steady in Gen.Choose(5, 15).SelectMany(n => Gen.ListOf(Noise(9), n))
        from flagged in Gen.Elements(true, false)
        from down in Ramp(plateau)
        from empty in EmptyScale
        select new Cycle(plateau,
            [.. up, .. steady.Select(d => (plateau + d, flagged ? (bool?)false : null)), .. down, .. empty]);

    // A truck that never settles: every reading jumps by more than the tolerance from the one before.
    private static readonly Gen<Cycle> RestlessCycle =
        from plateau in Gen.Choose(1000, 99_000).Select(kg => (decimal)kg)
        from n in Gen.Choose(5, 40)
        from empty in EmptyScale
        select new Cycle(plateau,
            [.. Enumerable.Range(0, n).Select(i => (plateau + (i % 2 == 0 ? 15m : -15m), (bool?)null)), .. empty]);

    [Property(MaxTest = 300)]
    public Property Exactly_one_weighing_per_settling_cycle() => Prop.ForAll(
        Gen.Zip(EmptyScale, Gen.ListOf(SettlingCycle).Select(l => l.ToList())).ToArbitrary(),
        t =>
        {
            var (lead, cycles) = t;
            var events = Run(lead.Concat(cycles.SelectMany(c => c.Readings)));
            Assert.Equal(cycles.Count, events.Count);
            for (var i = 0; i < cycles.Count; i++)
                Assert.InRange(events[i].WeightKg, cycles[i].PlateauKg - Options.ToleranceKg, cycles[i].PlateauKg + Options.ToleranceKg);
            Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        });

    [Property(MaxTest = 300)]
    public Property No_weighing_when_the_weight_never_settles() => Prop.ForAll(
        Gen.ListOf(RestlessCycle).Select(l => l.ToList()).ToArbitrary(),
        cycles => Assert.Empty(Run(cycles.SelectMany(c => c.Readings))));

    [Property(MaxTest = 200)]
    public Property Arbitrary_readings_never_throw() => Prop.ForAll(
        Gen.ListOf(Gen.Zip(Gen.Choose(-1000, 200_000), Gen.Elements<bool?>(true, false, null))).ToArbitrary(),
        readings =>
        {
            var events = Run(readings.Select(r => ((decimal)r.Item1, r.Item2)));
            Assert.All(events, e => Assert.True(e.WeightKg > Options.EmptyThresholdKg));
        });
}
