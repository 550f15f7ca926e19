using DataPlatform.Analytics.Scheduling;
using Quartz;

namespace DataPlatform.Reports.Scheduling;

/// <summary>When reports are due, in China time whatever the server's zone: the monthly report on the 1st at 06:00
/// for the month before, the weekly digest on Monday morning for the week before. A fire missed while the scheduler
/// ran (misfire) fires once at once; a fire missed while the platform was down is caught up at start
/// (<see cref="ReportCatchUpJob"/>), since the in-memory scheduler keeps no memory across restarts.</summary>
public static class ReportSchedule
{
    public static readonly JobKey MonthlyJob = new("monthly-report", "reports");
    public static readonly JobKey WeeklyJob = new("weekly-digest", "reports");
    public static readonly JobKey CatchUpJob = new("catch-up", "reports");

    /// <summary>The schedule of <paramref name="cron"/> in China time; a misfire fires once, at once.</summary>
    public static CronScheduleBuilder Cron(string cron) =>
        CronScheduleBuilder.Create(cron).InTimeZone(ChinaCalendar.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>The trigger AddReports registers for <paramref name="job"/>, built with <paramref name="clock"/>.</summary>
    public static ITrigger Trigger(JobKey job, string cron, TimeProvider clock) =>
        TriggerBuilder.Create(clock).ForJob(job).WithIdentity(job.Name + "-trigger", job.Group).WithSchedule(Cron(cron)).Build();

    /// <summary>The China calendar day of an instant.</summary>
    public static DateOnly ChinaDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ChinaCalendar.Zone).DateTime);

    /// <summary>The month a monthly fire at <paramref name="fireTime"/> reports: the China month before.</summary>
    public static (int Year, int Month) MonthBefore(DateTimeOffset fireTime)
    {
        var day = ChinaDay(fireTime).AddMonths(-1);
        return (day.Year, day.Month);
    }

    /// <summary>The week a weekly fire reports: the Monday-to-Sunday week before the fire's China day.</summary>
    public static DateOnly WeekBefore(DateTimeOffset fireTime) => ChinaDay(fireTime).AddDays(-7);

    /// <summary>The latest fire of <paramref name="cron"/> (China time) at or before <paramref name="now"/>, looking
    /// back at most <paramref name="horizon"/>; null when none.</summary>
    public static DateTimeOffset? LastFireAtOrBefore(string cron, DateTimeOffset now, TimeSpan horizon)
    {
        // The cron expression itself, not a trigger: a trigger never fires before its start (the moment it was built).
        var expression = new CronExpression(cron, ChinaCalendar.Zone);
        DateTimeOffset? last = null;
        for (var next = expression.GetNextValidTimeAfter(now - horizon); next is { } t && t <= now; next = expression.GetNextValidTimeAfter(t))
            last = t;
        return last;
    }
}
