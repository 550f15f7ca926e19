using DataPlatform.Analytics.Scheduling;

namespace DataPlatform.Analytics.Tests;

public class ChinaCalendarTests
{
    [Fact]
    public void A_China_month_starts_at_16_00_UTC_the_day_before()
    {
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(start, ChinaCalendar.Zone);
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), utc);
    }
}
