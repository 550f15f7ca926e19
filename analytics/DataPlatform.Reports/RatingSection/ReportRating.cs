using DataPlatform.Analytics.Rating;
using DataPlatform.Rating;
using Microsoft.Extensions.Options;

namespace DataPlatform.Reports.RatingSection;

/// <summary>The rating figures of a report, from the rating analytics (same queries, same numbers as
/// <c>dataplatform rating</c>): read as the refresh job left them, and recomputed first only where they are older than
/// the ledger (<see cref="RatingFreshness"/>), so a report rendered right after late data still shows it.</summary>
public sealed class ReportRating(RatingService rating, RatingRefresher refresher, RatingFreshness freshness, IOptions<ReportsOptions> options)
{
    public async Task<RatingView> RateAsync(string enterpriseId, DateOnly from, DateOnly to, string? rules, CancellationToken ct)
    {
        await RefreshIfStaleAsync(enterpriseId, from, to, ct);
        return RatingView.Of(await rating.RateAsync(enterpriseId, new RatingPeriod(from, to), rules ?? options.Value.RatingRules, ct));
    }

    /// <summary>The last <paramref name="months"/> China months up to <paramref name="to"/>'s, each rated.</summary>
    public async Task<IReadOnlyList<MonthRating>> TrendAsync(string enterpriseId, DateOnly to, int months, string? rules, CancellationToken ct)
    {
        var last = new DateOnly(to.Year, to.Month, 1);
        await RefreshIfStaleAsync(enterpriseId, last.AddMonths(-(months - 1)), last.AddMonths(1).AddDays(-1), ct);
        var trend = new List<MonthRating>();
        for (var i = months - 1; i >= 0; i--)
        {
            var month = last.AddMonths(-i);
            var result = await rating.RateAsync(enterpriseId, RatingPeriod.Month(month.Year, month.Month), rules ?? options.Value.RatingRules, ct);
            trend.Add(new MonthRating(month.ToString("yyyy-MM"), RatingView.Of(result)));
        }
        return trend;
    }

    private async Task RefreshIfStaleAsync(string enterpriseId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (await freshness.IsStaleAsync(enterpriseId, from, to, ct)) await refresher.RefreshAsync(from, to, ct);
    }
}

public sealed record MonthRating(string Month, RatingView Rating);
