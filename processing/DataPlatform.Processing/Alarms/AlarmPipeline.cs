using DataPlatform.Processing.Alarms.Rules;

namespace DataPlatform.Processing.Alarms;

/// <summary>Inputs → evaluator → topic + table → webhooks. Publishing comes before the insert so a crash in
/// between re-publishes (duplicates carry the same id) rather than losing the alarm on the topic; webhooks get
/// only alarms new to the table, so a redelivered batch does not page anyone twice.</summary>
public sealed class AlarmPipeline(AlarmEvaluator evaluator, AlarmPublisher publisher, AlarmWriter writer, AlarmWebhookSender webhooks)
{
    private long _raised;

    /// <summary>Alarms new to the table since start.</summary>
    public long Raised => Interlocked.Read(ref _raised);

    public async Task HandleAsync(IEnumerable<AlarmInput> inputs, CancellationToken ct)
    {
        var alarms = inputs.SelectMany(evaluator.Evaluate).DistinctBy(a => a.AlarmId).ToList();
        if (alarms.Count == 0) return;
        await publisher.PublishAsync(alarms, ct);
        var fresh = await writer.WriteAsync(alarms, ct);
        Interlocked.Add(ref _raised, fresh.Count);
        webhooks.Enqueue(fresh);
    }
}
