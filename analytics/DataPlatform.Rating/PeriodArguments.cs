using System.Globalization;

namespace DataPlatform.Rating;

/// <summary>The period options of <c>dataplatform rating</c>: <c>--month yyyy-MM</c>, <c>--from/--to yyyy-MM-dd</c>,
/// or <c>--month</c> with <c>--rolling N</c> (the N months ending with that month). Exactly one form.</summary>
public static class PeriodArguments
{
    /// <returns>The period, or null with <paramref name="error"/> saying what is wrong (Chinese, then English).</returns>
    public static RatingPeriod? Resolve(string? month, string? from, string? to, int? rolling, out string? error)
    {
        error = null;
        if (month is not null && (from is not null || to is not null))
        {
            error = "--month 与 --from/--to 只能选一种 give either --month or --from/--to";
            return null;
        }
        if (month is not null)
        {
            if (RatingPeriod.ParseMonth(month) is not { } m)
            {
                error = $"--month '{month}' 不是月份 is not a month (yyyy-MM)";
                return null;
            }
            if (rolling is null) return m;
            if (rolling is < 1 or > 36)
            {
                error = $"--rolling {rolling} 超出范围 must be 1…36 months";
                return null;
            }
            return RatingPeriod.Rolling(m.From.Year, m.From.Month, rolling.Value);
        }
        if (rolling is not null)
        {
            error = "--rolling 需要 --month needs --month (the last month of the run)";
            return null;
        }
        if (from is null || to is null)
        {
            error = "需要 --month 或 --from 与 --to give --month yyyy-MM, or --from and --to yyyy-MM-dd";
            return null;
        }
        if (!TryDay(from, out var first) || !TryDay(to, out var last))
        {
            error = $"--from '{from}' / --to '{to}' 不是日期 are not dates (yyyy-MM-dd)";
            return null;
        }
        if (last < first)
        {
            error = $"--to {to} 早于 --from {from} is before --from";
            return null;
        }
        return new RatingPeriod(first, last);
    }

    public static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
