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
        // The period and the trailing months a rule set needs, read together.
        var all = await figures.ForPeriodsAsync(enterpriseId, [period, .. TrailingMonths(period, set)], ct);
        var trailing = all.Skip(1).Select(f => MetricFormulas.Compute(f, set)).ToList();
        return Rater.Rate(enterpriseId, period, set, MetricFormulas.Compute(all[0], set), trailing);
    }

    /// <summary>The raw additive figures of the period (what the metrics are computed from).</summary>
    public Task<PeriodFigures> FiguresAsync(string enterpriseId, RatingPeriod period, CancellationToken ct) =>
        figures.ForPeriodAsync(enterpriseId, period, ct);

    /// <summary>Every enterprise with figures in the period, rated; one read for all of them and their trailing months.</summary>
    public async Task<IReadOnlyList<RatingResult>> RateAllAsync(RatingPeriod period, string? rulesId, CancellationToken ct)
    {
        var set = rules.Get(rulesId);
        var all = await figures.ForAllAsync([period, .. TrailingMonths(period, set)], ct);
        var results = new List<RatingResult>();
        foreach (var (enterprise, f) in all[0].OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var trailing = all.Skip(1).Select(month => MetricFormulas.Compute(month.GetValueOrDefault(enterprise) ?? PeriodFigures.Empty, set)).ToList();
            results.Add(Rater.Rate(enterprise, period, set, MetricFormulas.Compute(f, set), trailing));
        }
        return results;
    }

    /// <summary>The calendar months a "N consecutive months" rule looks at, oldest first, ending with the period's
    /// last month; none when the rule set judges the period alone.</summary>
    private static IEnumerable<RatingPeriod> TrailingMonths(RatingPeriod period, RuleSet set)
    {
        if (set.MonthsNeeded <= 1) yield break;
        for (var i = set.MonthsNeeded - 1; i >= 0; i--)
        {
            var start = new DateOnly(period.To.Year, period.To.Month, 1).AddMonths(-i);
            yield return RatingPeriod.Month(start.Year, start.Month);
        }
    }
}
