using System.Globalization;
using DataPlatform.Reports.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace DataPlatform.Reports.Scheduling;

/// <summary>Renders the reports of one period for every enterprise with traffic in it, each once across instances.</summary>
public sealed class ScheduledReports(ReportRunner runner, ReportQueries queries, ILogger<ScheduledReports> logger)
{
    public async Task<IReadOnlyDictionary<string, RunOutcome>> RunAsync(Func<string, ReportPeriod> period, DateOnly from, DateOnly to,
        string trigger, CancellationToken ct)
    {
        var outcomes = new SortedDictionary<string, RunOutcome>(StringComparer.Ordinal);
        foreach (var enterprise in await queries.EnterprisesAsync(from, to, ct))
            outcomes[enterprise] = await runner.RunAsync(period(enterprise), trigger, ct);
        // Dates as the report prints them (yyyy-MM-dd), whatever the process culture; "no traffic" said, not left blank.
        logger.LogInformation("定时报表 {From}–{To} ({Trigger}): {Outcomes}", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), trigger,
            outcomes.Count == 0 ? "期间无通行记录，未生成 (no traffic in the period, nothing rendered)" : string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
        return outcomes;
    }

    public Task<IReadOnlyDictionary<string, RunOutcome>> MonthlyAsync(int year, int month, string trigger, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        return RunAsync(e => ReportPeriod.Month(e, year, month), first, first.AddMonths(1).AddDays(-1), trigger, ct);
    }

    public Task<IReadOnlyDictionary<string, RunOutcome>> WeeklyAsync(DateOnly dayInWeek, string trigger, CancellationToken ct)
    {
        var week = ReportPeriod.Week("", dayInWeek);
        return RunAsync(e => ReportPeriod.Week(e, dayInWeek), week.From, week.To, trigger, ct);
    }
}

/// <summary>The monthly report job: the month before the scheduled fire time (not the clock, so a late fire still
/// reports the month it was due for).</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(ScheduledReports reports) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (year, month) = ReportSchedule.MonthBefore(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        await reports.MonthlyAsync(year, month, "schedule", cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(ScheduledReports reports) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reports.WeeklyAsync(ReportSchedule.WeekBefore(context.ScheduledFireTimeUtc ?? context.FireTimeUtc), "schedule", cancellationToken);
}

/// <summary>At start: the latest monthly and weekly fires due before now (by <see cref="TimeProvider"/>) run once
/// if <c>report_runs</c> has not got them done — the run missed while the platform was down.</summary>
public sealed class ReportCatchUpJob(ScheduledReports reports, TimeProvider clock, IOptions<ReportsOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await CatchUpAsync(cancellationToken);

    public async Task CatchUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (ReportSchedule.LastFireAtOrBefore(options.Value.MonthlyCron, now, TimeSpan.FromDays(62)) is { } monthly)
        {
            var (year, month) = ReportSchedule.MonthBefore(monthly);
            await reports.MonthlyAsync(year, month, "catch-up", ct);
        }
        if (ReportSchedule.LastFireAtOrBefore(options.Value.WeeklyCron, now, TimeSpan.FromDays(14)) is { } weekly)
            await reports.WeeklyAsync(ReportSchedule.WeekBefore(weekly), "catch-up", ct);
    }
}
