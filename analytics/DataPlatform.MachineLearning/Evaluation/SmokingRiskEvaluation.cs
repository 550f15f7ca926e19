using DataPlatform.MachineLearning.Features;

namespace DataPlatform.MachineLearning.Evaluation;

/// <summary>The smoking-risk model against two rules a plant could use without it, at the same flag budget, judged
/// on labels the platform never sees (the simulator's smoker list): the latest opacity reading over the
/// GB 3847-2018 limit, and "stage 国四 or older".</summary>
public static class SmokingRiskEvaluation
{
    public const string Model = "model";
    public const string LatestOverLimit = "latest-reading-over-limit";
    public const string StageAtMost4 = "stage<=4";

    public static IReadOnlyList<BudgetedRanking> Compare(
        IReadOnlyDictionary<string, double> modelScores, IReadOnlyDictionary<string, VehicleProfile> profiles,
        Func<string, IReadOnlyList<OpacityObservation>> readingsOf, IReadOnlySet<string> smokers, double budget)
    {
        var plates = modelScores.Keys.ToList();
        var latest = plates.ToDictionary(p => p, p => readingsOf(p) is { Count: > 0 } r && r[^1].OverLimit
            ? r[^1].K ?? SmokingFeatureBuilder.KFromOpacity(r[^1].OpacityPercent) : (double?)null, StringComparer.Ordinal);
        // Older stage first; within a stage the fuller record (a reading's k) breaks ties, else the plate order.
        var stage = plates.ToDictionary(p => p, p => profiles.GetValueOrDefault(p)?.Stage is { } s and <= 40
            ? 100 - s + (readingsOf(p) is { Count: > 0 } r ? Math.Min(0.99, (r[^1].K ?? 0) / 10) : 0) : (double?)null, StringComparer.Ordinal);
        return
        [
            BudgetedRanking.Evaluate(Model, modelScores.ToDictionary(kv => kv.Key, kv => (double?)kv.Value, StringComparer.Ordinal), smokers, budget),
            BudgetedRanking.Evaluate(LatestOverLimit, latest, smokers, budget),
            BudgetedRanking.Evaluate(StageAtMost4, stage, smokers, budget),
        ];
    }
}
