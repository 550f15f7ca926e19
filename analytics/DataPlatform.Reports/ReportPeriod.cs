using System.Globalization;

namespace DataPlatform.Reports;

/// <summary>Kinds of report; the name is the template's and the file's stem.</summary>
public enum ReportKind
{
    Monthly,
    Weekly,
    SelfAssessment,
}

/// <summary>The China calendar days a report covers, both inclusive (a China month runs from 00:00 China time on
/// its first day, which is 16:00 UTC the day before).</summary>
public sealed record ReportPeriod(ReportKind Kind, string EnterpriseId, DateOnly From, DateOnly To)
{
    public static ReportPeriod Month(string enterpriseId, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(ReportKind.Monthly, enterpriseId, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The ISO week (Monday to Sunday) holding <paramref name="day"/>.</summary>
    public static ReportPeriod Week(string enterpriseId, DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(ReportKind.Weekly, enterpriseId, monday, monday.AddDays(6));
    }

    /// <summary>Parses <c>2026-10</c>.</summary>
    public static ReportPeriod ParseMonth(string enterpriseId, string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? Month(enterpriseId, first.Year, first.Month)
            : throw new FormatException($"月份格式应为 yyyy-MM，例如 2026-10 (month must be yyyy-MM): '{month}'");

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first instant after the period, as China wall-clock time (for <c>DateTime('Asia/Shanghai')</c> columns).</summary>
    public DateTime EndExclusive => To.AddDays(1).ToDateTime(TimeOnly.MinValue);

    public DateTime Start => From.ToDateTime(TimeOnly.MinValue);

    public string KindName => Kind switch
    {
        ReportKind.Monthly => "monthly",
        ReportKind.Weekly => "weekly",
        _ => "self-assessment",
    };

    /// <summary>Stable file stem: <c>monthly-2026-10</c>, <c>weekly-2026-10-05</c>, <c>self-assessment-2026-10-01_2026-10-31</c>.</summary>
    public string FileStem => Kind switch
    {
        ReportKind.Monthly => $"monthly-{From:yyyy-MM}",
        ReportKind.Weekly => $"weekly-{From:yyyy-MM-dd}",
        _ => $"self-assessment-{From:yyyy-MM-dd}_{To:yyyy-MM-dd}",
    };

    /// <summary>Identifies the report in <c>report_runs</c>: one lock per kind, enterprise and period.</summary>
    public string Key => $"{KindName}/{EnterpriseId}/{From:yyyy-MM-dd}/{To:yyyy-MM-dd}";

    /// <summary>Chinese period label: 2026年10月, 2026-10-05 至 2026-10-11.</summary>
    public string Label => Kind == ReportKind.Monthly
        ? $"{From.Year}年{From.Month}月"
        : $"{From:yyyy-MM-dd} 至 {To:yyyy-MM-dd}";
}
