using DataPlatform.Gate;

namespace DataPlatform.MachineLearning.Features;

/// <summary>Hours as whole numbers: hours since the Unix epoch. China time is UTC+8 all year (no daylight saving),
/// so an hour of China time starts exactly on a UTC hour and the index is the same in both; only day edges differ —
/// a China day starts at 16:00 UTC the day before.</summary>
public static class ChinaHours
{
    public static long Of(DateTimeOffset instant) => Math.DivRem(instant.ToUnixTimeSeconds(), 3600, out var rem) - (rem < 0 ? 1 : 0);

    public static DateTimeOffset Start(long hour) => DateTimeOffset.FromUnixTimeSeconds(hour * 3600).ToOffset(ChinaTime.Offset);

    /// <summary>0..23, China time.</summary>
    public static int HourOfDay(long hour) => (int)(((hour + 8) % 24 + 24) % 24);

    public static DateOnly Day(long hour) => DateOnly.FromDateTime(Start(hour).DateTime);

    /// <summary>The first hour of a China calendar day.</summary>
    public static long FirstHourOf(DateOnly day) => Of(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset));
}
