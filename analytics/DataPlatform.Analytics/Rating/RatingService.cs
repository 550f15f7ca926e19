using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Rating.Rules;

namespace DataPlatform.Analytics.Rating;

/// <summary>Rates an enterprise over a period from the per-day figures in <see cref="RatingTables.Daily"/> and the
/// registers as they stood at the period's end: the figures (<see cref="FiguresAsync"/>) are summed in ClickHouse,
/// the formulas and levels are the pure <see cref="MetricFormulas"/> and <see cref="Rater"/>.</summary>
public sealed class RatingService(RatingFigures figures, RuleSetProvider rules)
{
    /// <summary>Rates <paramref name="enterpriseId"/> over <paramref name="period"/> (a month, days from–to or a
    /// rolling run of months) under the rule set <paramref name="rulesId"/> (default <see cref="RuleSetCatalog.DefaultId"/>).</summary>
    /// <exception cref="UnknownRuleSetException">No rule set has that id.</exception>
    public async Task<RatingResult> RateAsync(string enterpriseId, RatingPeriod period, string? rulesId, CancellationToken ct)
    {
        var set = rules.Get(rulesId);
        var metrics = MetricFormulas.Compute(await figures.ForPeriodAsync(enterpriseId, period, ct), set);
        var trailing = set.MonthsNeeded > 1 ? await TrailingAsync(enterpriseId, period, set, ct) : [];
        return Rater.Rate(enterpriseId, period, set, metrics, trailing);
    }

    /// <summary>The raw additive figures of the period (what the metrics are computed from).</summary>
    public Task<PeriodFigures> FiguresAsync(string enterpriseId, RatingPeriod period, CancellationToken ct) =>
        figures.ForPeriodAsync(enterpriseId, period, ct);

    /// <summary>Every enterprise with figures in the period, rated; one query for all of them.</summary>
    public async Task<IReadOnlyList<RatingResult>> RateAllAsync(RatingPeriod period, string? rulesId, CancellationToken ct)
    {
        var set = rules.Get(rulesId);
        var all = await figures.ForAllAsync(period, ct);
        var results = new List<RatingResult>();
        foreach (var (enterprise, f) in all.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var trailing = set.MonthsNeeded > 1 ? await TrailingAsync(enterprise, period, set, ct) : [];
            results.Add(Rater.Rate(enterprise, period, set, MetricFormulas.Compute(f, set), trailing));
        }
        return results;
    }

    private async Task<List<RatingMetrics>> TrailingAsync(string enterprise, RatingPeriod period, RuleSet set, CancellationToken ct)
    {
        var list = new List<RatingMetrics>();
        for (var i = set.MonthsNeeded - 1; i >= 0; i--)
        {
            var start = new DateOnly(period.To.Year, period.To.Month, 1).AddMonths(-i);
            list.Add(MetricFormulas.Compute(await figures.ForPeriodAsync(enterprise, RatingPeriod.Month(start.Year, start.Month), ct), set));
        }
        return list;
    }
}
