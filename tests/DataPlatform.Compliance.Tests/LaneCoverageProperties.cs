using DataPlatform.Compliance.Fusion;

namespace DataPlatform.Compliance.Tests;

/// <summary>The ledger writer skips the ledger read for a read its <see cref="LaneCoverage"/> covers: so coverage must
/// never claim a pass time that was not loaded, or was forgotten or dropped since.</summary>
public sealed class LaneCoverageProperties
{
    private static readonly DateTime T0 = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] LaneKeys = ["E1/G01/L1", "E1/G01/L2", "E1/G02/L1"];

    /// <summary>One step: a load (truncated or not), memory forgetting a lane's past, or a partition leaving.</summary>
    public sealed record Step(int Kind, string Lane, int Partition, int From, int? To);

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from lane in Gen.Elements(LaneKeys)
        from partition in Gen.Choose(0, 2)
        from start in Gen.Choose(0, 60)
        from length in Gen.Choose(0, 30)
        from truncated in Gen.Elements(false, true)
        select new Step(kind, lane, partition, start, truncated ? start + length : null);

    private static DateTime At(int second) => T0.AddSeconds(second);

    [Property(MaxTest = 500)]
    public Property Coverage_never_claims_a_pass_time_memory_does_not_hold() =>
        Prop.ForAll(Gen.ListOf(StepGen).ToArbitrary(), Gen.Choose(0, 10).ToArbitrary(), (steps, windowSeconds) =>
        {
            var coverage = new LaneCoverage();
            // The model: every interval loaded, with its partition, cut by what was forgotten and dropped since.
            var held = new List<(string Lane, int Partition, int From, int To)>();
            foreach (var step in steps)
                switch (step.Kind)
                {
                    case 0:
                        coverage.Loaded(step.Lane, step.Partition, At(step.From), step.To is { } to ? At(to) : DateTime.MaxValue);
                        held.Add((step.Lane, step.Partition, step.From, step.To ?? int.MaxValue));
                        break;
                    case 1:
                        coverage.Forgotten(step.Lane, At(step.From));
                        held = [.. held.Select(h => h.Lane == step.Lane ? h with { From = Math.Max(h.From, step.From) } : h).Where(h => h.From <= h.To)];
                        break;
                    default:
                        coverage.Drop([step.Partition]);
                        held.RemoveAll(h => h.Partition == step.Partition);
                        break;
                }
            var window = TimeSpan.FromSeconds(windowSeconds);
            var wrong = from lane in LaneKeys
                from t in Enumerable.Range(0, 120)
                where coverage.Covers(lane, At(t), window)
                from x in Enumerable.Range(t - windowSeconds, 2 * windowSeconds + 1)
                where !held.Any(h => h.Lane == lane && h.From <= x && x <= h.To)
                select $"{lane} at {t}s covered, but {x}s was never loaded (or forgotten or dropped)";
            return wrong.FirstOrDefault() is not { } first ? true.ToProperty() : false.Label(first);
        });

    [Property(MaxTest = 200)]
    public Property A_load_to_the_lanes_end_covers_every_later_read_until_its_partition_leaves(PositiveInt from, PositiveInt after, PositiveInt windowSeconds)
    {
        var window = TimeSpan.FromSeconds(windowSeconds.Get % 30);
        var coverage = new LaneCoverage();
        coverage.Loaded("E1/G01/L1", 3, At(from.Get % 1000), DateTime.MaxValue);
        var read = At(from.Get % 1000).Add(window).AddSeconds(after.Get % 100_000);
        var coveredBefore = coverage.Covers("E1/G01/L1", read, window);
        var otherLane = coverage.Covers("E1/G01/L2", read, window);
        coverage.Drop([3]);
        return (coveredBefore && !otherLane && !coverage.Covers("E1/G01/L1", read, window)).ToProperty();
    }

    [Fact]
    public void A_read_whose_window_reaches_before_the_load_is_not_covered()
    {
        var coverage = new LaneCoverage();
        coverage.Loaded("E1/G01/L1", 0, At(100), At(200));
        Assert.True(coverage.Covers("E1/G01/L1", At(105), TimeSpan.FromSeconds(5)));
        Assert.False(coverage.Covers("E1/G01/L1", At(104), TimeSpan.FromSeconds(5)));
        Assert.False(coverage.Covers("E1/G01/L1", At(196), TimeSpan.FromSeconds(5)));
        coverage.Forgotten("E1/G01/L1", At(150));
        Assert.False(coverage.Covers("E1/G01/L1", At(150), TimeSpan.FromSeconds(5)));
        Assert.True(coverage.Covers("E1/G01/L1", At(155), TimeSpan.FromSeconds(5)));
    }
}
