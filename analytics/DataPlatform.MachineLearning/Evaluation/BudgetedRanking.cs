namespace DataPlatform.MachineLearning.Evaluation;

/// <summary>Precision and recall when only a fixed share of vehicles can be spot-checked: the flagged are the top
/// <c>ceil(budget × n)</c> by score (a method that flags fewer, like a threshold rule, flags only those).</summary>
public sealed record BudgetedRanking(string Method, int Vehicles, int Flagged, int TruePositives, int Positives)
{
    public double Precision => Flagged == 0 ? 0 : (double)TruePositives / Flagged;

    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;

    public static int BudgetCount(int vehicles, double budget) => (int)Math.Ceiling(vehicles * budget);

    /// <remarks><paramref name="scores"/>: Per vehicle: its score, null when the method does not flag it at
    /// all.</remarks>
    public static BudgetedRanking Evaluate(string method, IReadOnlyDictionary<string, double?> scores, IReadOnlySet<string> positives, double budget)
    {
        var take = BudgetCount(scores.Count, budget);
        var flagged = scores.Where(kv => kv.Value is not null)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(take).Select(kv => kv.Key).ToList();
        return new BudgetedRanking(method, scores.Count, flagged.Count, flagged.Count(positives.Contains), scores.Keys.Count(positives.Contains));
    }
}
