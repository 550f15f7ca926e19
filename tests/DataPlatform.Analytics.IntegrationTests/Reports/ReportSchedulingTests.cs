using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Reports;
using DataPlatform.Reports.Runs;
using DataPlatform.Reports.Scheduling;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace DataPlatform.Analytics.IntegrationTests.Reports;

[Collection(EnginesCollection.Name)]
public class ReportSchedulingTests(EnginesFixture engines, ReportLedgerFixture ledger) : IClassFixture<ReportLedgerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => ledger.FillAsync(engines);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A stopped clock: the catch-up reads "now" from it (a test cannot wait for the 1st of a month).</summary>
    private static ReportCatchUpJob CatchUp(IHost host, DateTimeOffset now) =>
        new(host.Services.GetRequiredService<ScheduledReports>(), new FixedClock(now), host.Services.GetRequiredService<IOptions<ReportsOptions>>());

    [Fact]
    public async Task A_monthly_run_missed_while_down_runs_once_after_start_and_not_again_on_the_next_start()
    {
        // Down over 1 November 06:00 China time (= 31 October 22:00 UTC); started again on 3 November.
        var startedAt = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);
        var first = ledger.Host();
        await CatchUp(first, startedAt).CatchUpAsync(CancellationToken.None);

        var runs = first.Services.GetRequiredService<ReportRunsTable>();
        var history = await runs.HistoryAsync(ledger.October, CancellationToken.None);
        var done = Assert.Single(history, r => r.Status == "done");
        Assert.Equal("catch-up", done.Trigger);
        Assert.Contains(done.Files, f => f.EndsWith(Path.Combine(ReportLedgerFixture.Enterprise, "monthly-2026-10.html"), StringComparison.Ordinal));
        Assert.All(done.Files, f => Assert.True(File.Exists(f), f));
        Assert.Contains(await runs.HistoryAsync(ReportPeriod.Month(ReportLedgerFixture.OtherEnterprise, 2026, 10), CancellationToken.None), r => r.Status == "done");

        // The next start (another process) finds the month done and renders nothing.
        var second = ledger.Host();
        await CatchUp(second, startedAt.AddHours(5)).CatchUpAsync(CancellationToken.None);
        history = await runs.HistoryAsync(ledger.October, CancellationToken.None);
        Assert.Single(history, r => r.Status == "done");
        Assert.Single(history, r => r.Status == "started");
    }

    [Fact]
    public async Task Two_instances_due_at_the_same_time_render_a_month_once()
    {
        var september = ReportPeriod.Month(ReportLedgerFixture.Enterprise, 2026, 9);
        var a = ledger.Host().Services.GetRequiredService<ReportRunner>();
        var b = ledger.Host().Services.GetRequiredService<ReportRunner>();

        var outcomes = await Task.WhenAll(a.RunAsync(september, "schedule", CancellationToken.None), b.RunAsync(september, "schedule", CancellationToken.None));

        Assert.Single(outcomes, o => o == RunOutcome.Rendered);
        Assert.Single(outcomes, o => o is RunOutcome.HeldByAnotherInstance or RunOutcome.AlreadyDone);
        var history = await ledger.Service<ReportRunsTable>().HistoryAsync(september, CancellationToken.None);
        Assert.Single(history, r => r.Status == "done");
        Assert.Equal(RunOutcome.AlreadyDone, await a.RunAsync(september, "schedule", CancellationToken.None));
    }

    [Fact]
    public async Task The_analytics_host_schedules_the_monthly_report_at_06_00_china_time_on_the_1st()
    {
        using var host = ledger.Host(new() { ["Reports:ScheduleEnabled"] = "true" });
        // The scheduler is built (not started: the catch-up would run against the real clock).
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey("monthly-report-trigger", "reports"));
        Assert.NotNull(trigger);
        // Its next fire, whatever today is, is 06:00 China time on a 1st (22:00 UTC the day before).
        var next = TimeZoneInfo.ConvertTime(trigger.GetFireTimeAfter(DateTimeOffset.UtcNow)!.Value, DataPlatform.Analytics.Scheduling.ChinaCalendar.Zone);
        Assert.Equal((1, 6, 0), (next.Day, next.Hour, next.Minute));
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("weekly-digest-trigger", "reports")));
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("catch-up-trigger", "reports")));
    }
}
