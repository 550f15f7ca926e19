using DataPlatform.Reports;
using DataPlatform.Reports.Scheduling;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Analytics.Tests.Reports;

public class ReportScheduleTests
{
    private static readonly ReportsOptions Defaults = new();

    private static readonly TimeProvider October1 = new FixedClock(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_monthly_trigger_fires_at_06_00_china_time_on_the_1st_whatever_the_server_zone()
    {
        // The trigger carries Asia/Shanghai itself: the process zone (UTC on CI and in containers) plays no part.
        var trigger = ReportSchedule.Trigger(ReportSchedule.MonthlyJob, Defaults.MonthlyCron, October1);
        var first = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(first));
        Assert.Equal((2026, 10), ReportSchedule.MonthBefore(first!.Value));
        // January's report is due on 1 February; December's on 1 January of the next year.
        Assert.Equal((2026, 12), ReportSchedule.MonthBefore(new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_weekly_digest_fires_on_monday_morning_china_time_for_the_week_before()
    {
        var trigger = ReportSchedule.Trigger(ReportSchedule.WeeklyJob, Defaults.WeeklyCron, October1);
        var fire = trigger.GetFireTimeAfter(new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 22, 30, 0, TimeSpan.Zero), fire); // Mon 9 Nov 06:30 China
        var week = ReportPeriod.Week("E", ReportSchedule.WeekBefore(fire));
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8)), (week.From, week.To));
    }

    [Fact]
    public void The_catch_up_finds_the_fire_missed_while_the_platform_was_down()
    {
        var missed = ReportSchedule.LastFireAtOrBefore(Defaults.MonthlyCron, new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(62));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero), missed);
        // One second before 06:00 China on the 1st the last due report is still September's.
        var before = ReportSchedule.LastFireAtOrBefore(Defaults.MonthlyCron, new DateTimeOffset(2026, 10, 31, 21, 59, 59, TimeSpan.Zero), TimeSpan.FromDays(62));
        Assert.Equal((2026, 9), ReportSchedule.MonthBefore(before!.Value));
    }

    [Fact]
    public void A_china_month_has_stable_names_and_its_own_lock_key()
    {
        var october = ReportPeriod.ParseMonth("E1", "2026-10");
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (october.From, october.To));
        Assert.Equal("monthly-2026-10", october.FileStem);
        Assert.Equal("monthly/E1/2026-10-01/2026-10-31", october.Key);
        Assert.Equal("2026年10月", october.Label);
        Assert.Throws<FormatException>(() => ReportPeriod.ParseMonth("E1", "2026-13"));
    }
}
