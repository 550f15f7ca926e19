using DataPlatform.Ledger;
using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Alarms.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Reports.Delivery;

/// <summary>Announces a finished report through the alarm service's webhook fan-out (<c>Processing:Alarms:Webhooks</c>,
/// retries and all) as an info notice with the file paths. Where this process runs no alarm service (an analytics-only
/// instance) there is no webhook delivery, and the log says so once per report.</summary>
public sealed class ReportDelivery(IServiceProvider services, TimeProvider clock, ILogger<ReportDelivery> logger)
{
    public const string RuleId = "report-ready";

    public void Announce(ReportPeriod period, RenderedReport report)
    {
        var sender = services.GetService<AlarmWebhookSender>();
        if (sender is null)
        {
            logger.LogInformation("报表 {Key} 已生成；本进程未运行告警服务，未推送 webhook (no alarm service here)", period.Key);
            return;
        }
        var now = clock.GetUtcNow();
        sender.Enqueue([new Alarm(DeterministicGuid.For("report:" + period.Key), RuleId, "report", "info",
            $"{ReportRenderer.Title(period)}已生成", "report:" + period.Key, period.Start, now, period.EnterpriseId, "",
            period.FileStem, period.Key, string.Join("\n", report.Files))]);
    }
}
