using System.Globalization;

namespace DataPlatform.Gate.Calendar;

/// <summary>What kind of day a China calendar date is for traffic: an ordinary weekday or weekend, a public holiday
/// (法定节假日, including the bridged days), or a weekend day worked instead (调休上班).</summary>
public enum ChinaDayKind
{
    Workday,
    Weekend,
    Holiday,
    AdjustedWorkday,
}

/// <summary>The State Council's holiday arrangements, read from the embedded <c>china-public-holidays.csv</c> (data,
/// not code: a new year is a few lines). Dates are China calendar dates; use <see cref="DayOf"/> to get the date of
/// an instant — a day starts at 00:00 +08:00 whatever the server's zone.</summary>
public sealed class ChinaHolidays
{
    private readonly Dictionary<DateOnly, (ChinaDayKind Kind, string Name)> _days;

    private ChinaHolidays(Dictionary<DateOnly, (ChinaDayKind, string)> days) => _days = days;

    public static ChinaHolidays Official { get; } = Parse(ReadEmbedded());

    /// <summary>First and last date the table covers; outside it only weekends are known.</summary>
    public DateOnly CoveredFrom => _days.Keys.Min();

    public DateOnly CoveredTo => new(_days.Keys.Max().Year, 12, 31);

    /// <summary>The China calendar date of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ChinaTime.From(instant).DateTime);

    public ChinaDayKind Kind(DateOnly day) =>
        _days.TryGetValue(day, out var d) ? d.Kind
        : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? ChinaDayKind.Weekend : ChinaDayKind.Workday;

    public string? HolidayName(DateOnly day) => _days.TryGetValue(day, out var d) ? d.Name : null;

    public bool IsDayOff(DateOnly day) => Kind(day) is ChinaDayKind.Holiday or ChinaDayKind.Weekend;

    /// <summary>Days from <paramref name="day"/> to the nearest public holiday (0 on one), capped at <paramref name="cap"/>;
    /// traffic thins out before a long holiday and picks up after it.</summary>
    public int DaysToNearestHoliday(DateOnly day, int cap = 7)
    {
        for (var d = 0; d <= cap; d++)
            if (Kind(day.AddDays(d)) == ChinaDayKind.Holiday || Kind(day.AddDays(-d)) == ChinaDayKind.Holiday) return d;
        return cap;
    }

    /// <summary>Reads <c>date,kind,name</c> lines; <c>#</c> starts a comment. Throws on a malformed line, naming it.</summary>
    public static ChinaHolidays Parse(string csv)
    {
        var days = new Dictionary<DateOnly, (ChinaDayKind, string)>();
        foreach (var (line, number) in csv.Split('\n').Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(',');
            if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"china-public-holidays.csv line {number}: expected yyyy-MM-dd,holiday|workday,name — got '{line}'");
            var kind = parts[1] switch
            {
                "holiday" => ChinaDayKind.Holiday,
                "workday" => ChinaDayKind.AdjustedWorkday,
                _ => throw new FormatException($"china-public-holidays.csv line {number}: kind must be holiday or workday — got '{parts[1]}'"),
            };
            days[date] = (kind, parts.Length > 2 ? parts[2] : "");
        }
        return new ChinaHolidays(days);
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(ChinaHolidays).Assembly.GetManifestResourceStream("DataPlatform.Gate.Calendar.china-public-holidays.csv")
            ?? throw new InvalidOperationException("china-public-holidays.csv is not embedded in DataPlatform.Gate");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
