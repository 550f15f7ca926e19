using DataPlatform.Gate;
using DataPlatform.Gate.Calendar;
using DataPlatform.MachineLearning.Features;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.MachineLearning;

public class ChinaCalendarProperties
{
    [Property(MaxTest = 1000)]
    public bool An_hour_index_maps_to_the_china_day_and_hour_of_its_instant(int hoursSince2020)
    {
        var hour = 438_288L + Math.Abs((long)hoursSince2020 % 200_000); // from 2020-01-01 on
        var instant = DateTimeOffset.FromUnixTimeSeconds(hour * 3600);
        var china = instant.ToOffset(ChinaTime.Offset);
        return ChinaHours.Day(hour) == DateOnly.FromDateTime(china.DateTime)
               && ChinaHours.HourOfDay(hour) == china.Hour
               && ChinaHours.FirstHourOf(ChinaHours.Day(hour)) <= hour && hour < ChinaHours.FirstHourOf(ChinaHours.Day(hour)) + 24
               && ChinaHours.Of(instant.AddMinutes(59)) == hour;
    }

    [Property(MaxTest = 500)]
    public bool Day_of_an_instant_is_its_china_date_whatever_its_offset(int seconds, int offsetHours)
    {
        var utc = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000L + seconds);
        var shown = utc.ToOffset(TimeSpan.FromHours(offsetHours % 13));
        return ChinaHolidays.DayOf(shown) == DateOnly.FromDateTime(utc.ToOffset(TimeSpan.FromHours(8)).DateTime);
    }

    [Theory]
    [InlineData("2026-10-01", ChinaDayKind.Holiday)]
    [InlineData("2026-10-07", ChinaDayKind.Holiday)]
    [InlineData("2026-10-08", ChinaDayKind.Workday)]
    [InlineData("2026-10-10", ChinaDayKind.AdjustedWorkday)] // Saturday worked for National Day
    [InlineData("2026-10-11", ChinaDayKind.Weekend)]
    [InlineData("2026-02-17", ChinaDayKind.Holiday)] // Spring Festival
    [InlineData("2026-02-14", ChinaDayKind.AdjustedWorkday)]
    [InlineData("2025-10-08", ChinaDayKind.Holiday)] // National Day and Mid-Autumn together in 2025
    [InlineData("2026-12-07", ChinaDayKind.Workday)]
    public void The_official_calendar_knows_holidays_and_worked_weekends(string date, ChinaDayKind expected) =>
        Assert.Equal(expected, ChinaHolidays.Official.Kind(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Days_to_the_nearest_holiday_count_both_ways()
    {
        var h = ChinaHolidays.Official;
        Assert.Equal(0, h.DaysToNearestHoliday(new DateOnly(2026, 10, 3)));
        Assert.Equal(1, h.DaysToNearestHoliday(new DateOnly(2026, 9, 30)));
        Assert.Equal(1, h.DaysToNearestHoliday(new DateOnly(2026, 10, 8)));
        Assert.Equal(7, h.DaysToNearestHoliday(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void A_malformed_calendar_line_is_named()
    {
        var ex = Assert.Throws<FormatException>(() => ChinaHolidays.Parse("2026-10-01,holiday,国庆节\n2026-13-01,holiday,x\n"));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ChinaHolidays.Parse("2026-10-01,vacation,x"));
    }
}
