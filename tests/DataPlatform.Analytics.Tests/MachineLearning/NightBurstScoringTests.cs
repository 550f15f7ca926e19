using DataPlatform.MachineLearning.Anomalies;
using DataPlatform.MachineLearning.Features;
using FsCheck;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.MachineLearning;

/// <summary>The night-burst rule: a robust z-score of an hour's arrivals against the same gate-hour on earlier days.</summary>
public class NightBurstScoringTests
{
    [Fact]
    public void Oracle_median_mad_and_score_by_hand()
    {
        // Counts 0,1,1,1,2,2,9: median 1; |c − 1| = 1,0,0,0,1,1,8 → sorted 0,0,0,1,1,1,8 → MAD 1; spread 1.4826.
        var b = SeasonalBaseline.Of([0, 1, 1, 1, 2, 2, 9]);
        Assert.Equal(1, b.Median);
        Assert.Equal(1, b.Mad);
        Assert.Equal(7, b.Days);
        Assert.Equal(1.4826, b.Spread, 10);
        Assert.Equal((31 - 1) / 1.4826, b.Score(31), 10); // ≈ 20.2
        // Even count: median of 2,4 = 3; MAD of 1,1 = 1.
        Assert.Equal(new SeasonalBaseline(3, 1, 2), SeasonalBaseline.Of([4, 2]));
        // All equal (a quiet gate): MAD 0, the spread is floored at one arrival.
        var quiet = SeasonalBaseline.Of([1, 1, 1, 1, 1, 1, 1]);
        Assert.Equal(1, quiet.Spread);
        Assert.Equal(30, quiet.Score(31));
        Assert.Equal(new SeasonalBaseline(0, 0, 0), SeasonalBaseline.Of([]));
    }

    [Property(MaxTest = 300)]
    public bool The_score_is_zero_at_the_median_and_rises_with_each_arrival(NonEmptyArray<byte> counts, byte arrivals)
    {
        var b = SeasonalBaseline.Of([.. counts.Get.Select(c => (int)c % 40)]);
        var at = (int)Math.Round(b.Median);
        return b.Spread >= SeasonalBaseline.MinSpread
            && b.Score(arrivals + 1) - b.Score(arrivals) > 0
            && Math.Abs(b.Score(at) - (at - b.Median) / b.Spread) < 1e-12
            && b.Score(arrivals) == (arrivals - b.Median) / b.Spread;
    }

    [Property(MaxTest = 200)]
    public bool One_extreme_day_in_the_baseline_moves_the_score_little(NonEmptyArray<byte> counts, PositiveInt extreme)
    {
        // The reason for median/MAD: a burst already in the baseline (yesterday's) must not hide today's.
        var days = counts.Get.Select(c => (int)c % 5).Take(27).ToList();
        if (days.Count < 6) return true;
        var with = SeasonalBaseline.Of([.. days, 1000 + extreme.Get % 1000]);
        var without = SeasonalBaseline.Of(days);
        return with.Score(40) >= without.Score(40) / 3;
    }

    private static IEnumerable<GatePassage> Night(long firstHour, int days, Func<int, int> perDay, int hourOfDay = 2) =>
        Enumerable.Range(0, days).SelectMany(d => Enumerable.Range(0, perDay(d)).Select(i => new GatePassage(
            Guid.NewGuid(), "E1", "G02", 1, ChinaHours.Start(firstHour + 24L * d + hourOfDay).AddMinutes(i % 60), $"冀A{d:D2}{i:D3}", "allow")));

    [Property(MaxTest = 60)]
    public bool A_burst_is_flagged_and_the_ordinary_night_is_not(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var first = ChinaHours.FirstHourOf(new DateOnly(2026, 10, 12));
        var burstDay = 10 + random.Next(0, 10);
        var burst = 20 + random.Next(0, 20);
        var hours = GateHourFeatureBuilder.Build(Night(first, 21, d => d == burstDay ? burst : random.Next(0, 3)), first, first + 24 * 21);
        var flagged = hours.Where(NightBurstDetector.IsBurst).ToList();
        return flagged.Count == 1 && flagged[0].Hour == first + 24L * burstDay + 2 && flagged[0].Arrivals == burst;
    }

    [Property(MaxTest = 60)]
    public bool The_baseline_reads_no_hour_at_or_after_the_scored_one(PositiveInt seed, PositiveInt cut)
    {
        var random = new Random(seed.Get);
        var first = ChinaHours.FirstHourOf(new DateOnly(2026, 10, 12));
        var all = Night(first, 21, d => d == 0 ? 1 : random.Next(0, 6)).ToList(); // day 0 has one: the gate is known from the start
        var end = first + 24 + cut.Get % (24 * 20);
        var known = GateHourFeatureBuilder.Build(all.Where(p => ChinaHours.Of(p.PassTime) < end), first, end);
        var full = GateHourFeatureBuilder.Build(all, first, first + 24 * 21).Where(h => h.Hour < end).ToList();
        return known.Count == full.Count
            && known.Zip(full).All(p => p.First.Baseline == p.Second.Baseline && p.First.Arrivals == p.Second.Arrivals && p.First.Usual == p.Second.Usual);
    }
}
