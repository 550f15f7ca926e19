using DataPlatform.Rating.Rules;

namespace DataPlatform.Rating.Metrics;

/// <summary>The rating formulas (analytics README "Metric definitions"): ledger figures → metrics under a rule
/// set's stage minimums. Ratios are exact decimal quotients turned into doubles; a zero denominator gives null.</summary>
public static class MetricFormulas
{
    public static RatingMetrics Compute(PeriodFigures f, RuleSet rules)
    {
        var roadTonnes = Tonnes(f.RoadKg);
        var clean = f.CleanModeTonnes;
        var heavyTrips = f.HeavyTripsByStage.Values.Sum();
        var heavyKg = f.HeavyKgByStage.Values.Sum();
        var nevKg = Sum(f.HeavyKgByStage, StageRank.IsElectric);
        var nevTrips = Sum(f.HeavyTripsByStage, StageRank.IsElectric);
        bool RoadCompliant(string stage) => StageRank.IsAtLeast(stage, rules.RoadMinimumStage);
        var allTonnes = clean + roadTonnes;
        return new RatingMetrics(
            CleanTransportRatio: Ratio(clean, allTonnes),
            CleanTransportRatioInclNev: Ratio(clean + Tonnes(nevKg), allTonnes),
            CompliantRoadShareTonnes: Ratio(Sum(f.HeavyKgByStage, RoadCompliant), heavyKg),
            CompliantRoadShareTrips: Ratio(Sum(f.HeavyTripsByStage, RoadCompliant), heavyTrips),
            NevHeavyShareTrips: Ratio(nevTrips, heavyTrips),
            InPlantCompliance: Ratio(Sum(f.InPlantByStage, s => StageRank.IsAtLeast(s, rules.InPlantMinimumStage)), f.InPlantByStage.Values.Sum()),
            NonRoadCompliance: Ratio(Sum(f.NonRoadByStage, s => StageRank.IsAtLeast(s, rules.NonRoadMinimumStage)), f.NonRoadByStage.Values.Sum()),
            RoadTonnes: roadTonnes,
            CleanModeTonnes: clean,
            NevHeavyTonnes: Tonnes(nevKg),
            RoadTrips: f.RoadTrips,
            HeavyTrips: heavyTrips,
            HeavyTonnes: Tonnes(heavyKg),
            UnknownStageTrips: f.UnknownStageTrips,
            UnknownStageTonnes: Tonnes(f.UnknownStageKg),
            AlertDays: f.AlertDays,
            NormalDays: f.NormalDays,
            AlertDayInterceptions: f.AlertDayInterceptions,
            HeavyPassagesPerAlertDay: Ratio(f.HeavyPassagesAlertDays, f.AlertDays),
            HeavyPassagesPerNormalDay: Ratio(f.HeavyPassagesNormalDays, f.NormalDays));
    }

    public static decimal Tonnes(long kg) => kg / 1000m;

    /// <summary>numerator ÷ denominator, null when the denominator is not positive.</summary>
    public static double? Ratio(decimal numerator, decimal denominator) =>
        denominator > 0 ? (double)(numerator / denominator) : null;

    private static long Sum(IReadOnlyDictionary<string, long> byStage, Func<string, bool> which) =>
        byStage.Where(kv => which(kv.Key)).Sum(kv => kv.Value);
}
