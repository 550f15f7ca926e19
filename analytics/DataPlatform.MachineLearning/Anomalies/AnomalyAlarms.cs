using DataPlatform.Ledger;
using DataPlatform.MachineLearning.Rules;
using DataPlatform.Processing.Alarms;
using DataPlatform.Processing.Alarms.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.MachineLearning.Anomalies;

/// <summary>Raises one alarm per new flag through processing's alarm machinery: the same evaluator (ids derived from
/// rule, subject and the flag, so a re-run raises nothing twice), the same <c>alarms</c> table, and — when the alarm
/// service runs in this process — the same <c>alarms</c> topic and webhooks.</summary>
public sealed class AnomalyAlarms(IdempotentInserter inserter, IServiceProvider services)
{
    public const string Source = "anomaly-flag";

    public static readonly AlarmRule Rule = new()
    {
        Id = "anomaly-flag", Source = Source, Severity = AlarmSeverity.Warning, Title = "异常线索：{message}", DedupeWindowMinutes = 0,
    };

    private readonly AlarmEvaluator _evaluator = new([Rule]);
    private readonly AlarmWriter _writer = new(inserter);

    public static AlarmInput Input(AnomalyFlag flag) => new(
        Source, flag.FlagId.ToString(), flag.EnterpriseId, flag.GateId, flag.Subject, flag.ObservedTo, "flagged", "anomaly:" + flag.Kind, "", flag.Kind,
        [flag.Detail], new Dictionary<string, string> { ["message"] = flag.Title, ["plate"] = flag.Subject, ["gate"] = flag.GateId });

    /// <summary>Returns how many alarms were new.</summary>
    public async Task<int> RaiseAsync(IReadOnlyList<AnomalyFlag> flags, CancellationToken ct)
    {
        var alarms = flags.SelectMany(f => _evaluator.Evaluate(Input(f))).ToList();
        if (alarms.Count == 0) return 0;
        // As AlarmPipeline does it: topic before table (a crash re-publishes, never loses), webhooks for new ones only.
        if (services.GetService<AlarmPublisher>() is { } publisher) await publisher.PublishAsync(alarms, ct);
        var fresh = await _writer.WriteAsync(alarms, ct);
        services.GetService<AlarmWebhookSender>()?.Enqueue(fresh);
        return fresh.Count;
    }
}
