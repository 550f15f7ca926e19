using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Rating.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.Analytics.Tests.Rating;

/// <summary>Generators: ledger figures as the daily table can hold them, and rating metrics.</summary>
internal static class RatingGens
{
    public static readonly string[] Stages = ["", "0", "1", "2", "3", "4", "5", "6", "6a", "6b", "D", "X"];

    private static Gen<Dictionary<string, long>> ByStage(int max) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Elements(Stages), Gen.Choose(0, max)), n))
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => (long)g.Sum(p => p.Item2)));

    /// <summary>Consistent figures: heavy trips and their kg per stage, road ⊇ heavy, unknown ⊆ road.</summary>
    public static Gen<PeriodFigures> Figures { get; } =
        from trips in ByStage(50)
        from kgPerTrip in Gen.Choose(0, 40_000)
        from lightTrips in Gen.Choose(0, 20)
        from lightKg in Gen.Choose(0, 200_000)
        from unknownShare in Gen.Choose(0, 100)
        from cleanKg in Gen.Choose(0, 5_000_000)
        from inPlant in ByStage(20)
        from nonRoad in ByStage(20)
        from alertDays in Gen.Choose(0, 5)
        from normalDays in Gen.Choose(0, 25)
        let heavyKg = trips.ToDictionary(kv => kv.Key, kv => kv.Value * kgPerTrip)
        let heavyTrips = trips.Values.Sum()
        select new PeriodFigures(
            heavyTrips + lightTrips, heavyKg.Values.Sum() + lightKg, trips, heavyKg,
            trips.GetValueOrDefault(""), heavyKg.GetValueOrDefault(""), cleanKg / 1000m,
            alertDays, normalDays, alertDays * 3, normalDays * 4, alertDays, inPlant, nonRoad);

    public static Gen<RuleSet> Rules { get; } = Gen.Elements(RuleSetCatalog.Shipped.All.ToArray());

    private static Gen<double?> Ratio { get; } =
        Gen.Frequency((1, Gen.Constant<double?>(null)), (6, Gen.Choose(0, 1000).Select(i => (double?)(i / 1000.0))));

    public static Gen<RatingMetrics> Metrics { get; } =
        from values in Gen.ArrayOf(Ratio, 7)
        select new RatingMetrics(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
            0m, 0m, 0m, 0, 0, 0m, 0, 0m, 0, 0, 0, null, null);

    public static RatingResult Rate(RuleSet rules, RatingMetrics metrics) =>
        Rater.Rate("E", RatingPeriod.Month(2026, 10), rules, metrics, [metrics, metrics, metrics]);
}
