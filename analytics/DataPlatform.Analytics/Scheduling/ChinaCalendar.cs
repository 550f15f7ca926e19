namespace DataPlatform.Analytics.Scheduling;

/// <summary>The time zone every schedule of the analytics stage runs in, whatever the server's own zone: reports are
/// due at 06:00 China time and a "month" is a China calendar month (HJ 1321 records China time).</summary>
public static class ChinaCalendar
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
