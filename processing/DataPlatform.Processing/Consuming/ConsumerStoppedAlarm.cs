using Confluent.Kafka;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Processing.Consuming;

/// <summary>
/// The one alarm of a ledger consumer that stopped for good (<see cref="LedgerSchemaFault"/>): a
/// <see cref="DeviceEventKinds.ConsumerStopped"/> event on <c>device.events</c>, which the alarm service turns into
/// the critical <c>ledger-consumer-stopped</c> alarm (table, topic, webhooks) like any device alarm. The subject
/// names group and topic, not the process, so every instance that hits the same broken table raises the same alarm
/// (one per dedupe window). Published with its own short-lived producer: it happens once, when things are broken.
/// </summary>
public static class ConsumerStoppedAlarm
{
    public static string SubjectOf(string group, string topic) => $"processing:{group}/{topic}";

    /// <summary>Publishes the event; waits at most a few seconds and never throws (the log line stays the record).</summary>
    public static async Task PublishAsync(KafkaOptions kafka, string group, string topic, string table, string cause, ILogger logger)
    {
        var subject = SubjectOf(group, topic);
        var alarm = new DeviceEvent(Guid.NewGuid(), DeviceEventKinds.ConsumerStopped, subject, DateTimeOffset.UtcNow,
            $"台账表“{table}”不可写入，{topic} 的处理已停止（ledger table {table} is missing or altered; consumer {group} of {topic} stopped）：{cause}。"
            + "请恢复表结构（重启进程会重新执行迁移）后重启（restore the table, e.g. restart to re-run migrations）",
            cause);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var producer = new ProducerBuilder<string, byte[]>(kafka.Producer($"{group}-alarm")).Build();
            await producer.ProduceAsync(Topics.DeviceEvents, new Message<string, byte[]> { Key = subject, Value = alarm.ToJson() }, timeout.Token);
        }
        catch (Exception ex) when (ex is KafkaException or OperationCanceledException)
        {
            logger.LogError("Could not publish the consumer_stopped alarm for {Subject}: {Reason}", subject, ex.Message);
        }
    }
}
