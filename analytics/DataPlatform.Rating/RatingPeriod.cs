using System.Globalization;

namespace DataPlatform.Rating;

/// <summary>A rating period: China calendar days <see cref="From"/> to <see cref="To"/>, both included. A month is
/// its China calendar month, so its first instant is 00:00 China time (= 16:00 UTC the day before).</summary>
public sealed record RatingPeriod(DateOnly From, DateOnly To)
{
    public static RatingPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new RatingPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The <paramref name="months"/> calendar months ending with <paramref name="year"/>-<paramref name="month"/>.</summary>
    public static RatingPeriod Rolling(int year, int month, int months)
    {
        if (months < 1) throw new ArgumentOutOfRangeException(nameof(months), "a rolling period has at least one month");
        var last = Month(year, month);
        return new RatingPeriod(last.From.AddMonths(-(months - 1)), last.To);
    }

    /// <summary>Parses <c>yyyy-MM</c>; null when the text is not a month.</summary>
    public static RatingPeriod? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Month(d.Year, d.Month)
            : null;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The calendar months the period touches, each cut to the period.</summary>
    public IReadOnlyList<RatingPeriod> Months()
    {
        var months = new List<RatingPeriod>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            months.Add(new RatingPeriod(m < From ? From : m, end > To ? To : end));
        }
        return months;
    }

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
