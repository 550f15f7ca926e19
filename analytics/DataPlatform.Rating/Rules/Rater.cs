using DataPlatform.Rating.Metrics;

namespace DataPlatform.Rating.Rules;

/// <summary>Judges metrics against a rule set: every criterion of every level with its value, threshold and
/// pass/fail, and the level = the first of A, B, C whose criteria all pass (else not rated). Monotone: raising any
/// criterion's value can only turn fails into passes, so the level never drops.</summary>
public static class Rater
{
    /// <remarks>
    /// <para><paramref name="metrics"/>: The period's metrics.</para>
    /// <para><paramref name="trailingMonths"/>: Metrics of the calendar months ending with the period's last month,
    /// most recent last (at least <see cref="RuleSet.MonthsNeeded"/> of them when a criterion spans months).</para>
    /// </remarks>
    public static RatingResult Rate(
        string enterprise, RatingPeriod period, RuleSet rules, RatingMetrics metrics, IReadOnlyList<RatingMetrics> trailingMonths)
    {
        var criteria = new List<CriterionResult>();
        string? level = null;
        foreach (var rule in rules.Levels)
        {
            var results = rule.Criteria.Select(c => Judge(rule.Level, c, metrics, trailingMonths)).ToList();
            criteria.AddRange(results);
            if (level is null && results.Count > 0 && results.All(r => r.Pass)) level = rule.Level;
        }
        return new RatingResult(enterprise, PeriodRange.Of(period), rules.Id, level ?? RatingLevel.NotRated, metrics, criteria);
    }

    private static CriterionResult Judge(string level, CriterionRule rule, RatingMetrics metrics, IReadOnlyList<RatingMetrics> months)
    {
        var value = rule.ConsecutiveMonths <= 1 ? metrics.Value(rule.Metric) : Lowest(rule, months);
        return new CriterionResult(rule.IdFor(level), value, rule.Threshold, value is { } v && v >= rule.Threshold);
    }

    // Each of the last N months must pass: the lowest monthly value is judged; a missing or undefined month fails.
    private static double? Lowest(CriterionRule rule, IReadOnlyList<RatingMetrics> months)
    {
        if (months.Count < rule.ConsecutiveMonths) return null;
        double? lowest = null;
        foreach (var month in months.Skip(months.Count - rule.ConsecutiveMonths))
        {
            if (month.Value(rule.Metric) is not { } v) return null;
            lowest = lowest is null ? v : Math.Min(lowest.Value, v);
        }
        return lowest;
    }
}
