using DataPlatform.Analytics.Rating;
using DataPlatform.Rating;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Cockpit;

/// <summary>The rating cockpit's data: <see cref="RatingService"/>'s results in the rating's own JSON contract
/// (<see cref="RatingJsonContext"/>, the same as <c>dataplatform rating --format json</c>), never a second copy of
/// the formulas. <c>api/rating?month=yyyy-MM[&amp;enterprise=E][&amp;rules=ID]</c> rates one enterprise or every
/// enterprise with figures; <c>api/rating/trend?enterprise=E&amp;month=yyyy-MM&amp;months=6</c> rates each of the
/// months up to that one.</summary>
public sealed class RatingEndpoints(RatingService rating)
{
    public async Task<IResult> RateAsync(HttpContext context, string enterprise, CancellationToken ct)
    {
        if (Period(context) is not { } period) return BadMonth(context);
        var rules = Rules(context);
        try
        {
            IReadOnlyList<RatingResult> results = enterprise.Length > 0
                ? [await rating.RateAsync(enterprise, period, rules, ct)]
                : await rating.RateAllAsync(period, rules, ct);
            return Results.Json(results, RatingJsonContext.Default.IReadOnlyListRatingResult);
        }
        catch (UnknownRuleSetException ex)
        {
            return Results.Json(new Access.CockpitError("unknown_rules", ex.Message), CockpitJsonContext.Default.CockpitError, statusCode: 400);
        }
    }

    public async Task<IResult> TrendAsync(HttpContext context, string enterprise, CancellationToken ct)
    {
        if (Period(context) is not { } period) return BadMonth(context);
        if (enterprise.Length == 0)
            return Results.Json(new Access.CockpitError("missing_enterprise", "趋势需要指定企业（enterprise=）"), CockpitJsonContext.Default.CockpitError, statusCode: 400);
        var months = int.TryParse(context.Request.Query["months"], out var m) ? Math.Clamp(m, 1, 24) : 6;
        var results = new List<RatingResult>();
        for (var i = months - 1; i >= 0; i--)
        {
            var first = period.From.AddMonths(-i);
            results.Add(await rating.RateAsync(enterprise, RatingPeriod.Month(first.Year, first.Month), Rules(context), ct));
        }
        return Results.Json(results, RatingJsonContext.Default.IReadOnlyListRatingResult);
    }

    /// <summary>The month asked for, else the current China month.</summary>
    private static RatingPeriod? Period(HttpContext context)
    {
        var month = context.Request.Query["month"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(month))
        {
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, DataPlatform.Analytics.Scheduling.ChinaCalendar.Zone);
            return RatingPeriod.Month(today.Year, today.Month);
        }
        return RatingPeriod.ParseMonth(month.Trim());
    }

    private static string? Rules(HttpContext context) => context.Request.Query["rules"].FirstOrDefault() is { Length: > 0 } r ? r : null;

    private static IResult BadMonth(HttpContext context) =>
        Results.Json(new Access.CockpitError("invalid_month", $"月份应为 yyyy-MM：{context.Request.Query["month"]}"),
            CockpitJsonContext.Default.CockpitError, statusCode: 400);
}
