using DataPlatform.Reports.Delivery;
using DataPlatform.Reports.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Reports;

public enum RunOutcome
{
    Rendered,
    AlreadyDone,
    HeldByAnotherInstance,
    Failed,
}

/// <summary>Runs a scheduled report once across instances: skip when <c>report_runs</c> has it done; otherwise
/// claim, let competing claims land, render only if this claim is the earliest live one, and record the outcome.</summary>
public sealed class ReportRunner(
    ReportRenderer renderer,
    ReportRunsTable runs,
    ReportDelivery delivery,
    IOptions<ReportsOptions> options,
    ILogger<ReportRunner> logger)
{
    /// <summary>This instance's name in <c>report_runs</c>.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Where the scheduled reports of <paramref name="enterpriseId"/> land.</summary>
    public string FolderOf(string enterpriseId) => Path.GetFullPath(Path.Combine(options.Value.Folder, enterpriseId));

    public async Task<RunOutcome> RunAsync(ReportPeriod period, string trigger, CancellationToken ct)
    {
        if (await runs.IsDoneAsync(period, ct)) return RunOutcome.AlreadyDone;
        var runId = Guid.NewGuid();
        await runs.ClaimAsync(runId, period, Instance, trigger, ct);
        await Task.Delay(options.Value.ClaimSettleMs, ct);
        if (await runs.HolderAsync(period, ct) != runId || await runs.IsDoneAsync(period, ct))
        {
            await runs.FinishAsync(runId, period, Instance, trigger, "skipped", [], "another instance holds the report", ct);
            logger.LogInformation("报表 {Key} 由其他实例生成，本实例跳过", period.Key);
            return RunOutcome.HeldByAnotherInstance;
        }
        try
        {
            var report = await renderer.RenderToFolderAsync(period, FolderOf(period.EnterpriseId), pdf: true, ct);
            await runs.FinishAsync(runId, period, Instance, trigger, "done", report.Files, "", ct);
            logger.LogInformation("报表 {Key} 已生成: {Files}", period.Key, string.Join(", ", report.Files));
            delivery.Announce(period, report);
            return RunOutcome.Rendered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "报表 {Key} 生成失败", period.Key);
            await runs.FinishAsync(runId, period, Instance, trigger, "failed", [], ex.Message, CancellationToken.None);
            return RunOutcome.Failed;
        }
    }
}
