using Confluent.Kafka;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Weighings;

/// <summary><c>gate.weighings</c> → the <c>weighings</c> ledger table; offsets are committed after ClickHouse
/// acknowledged (<see cref="BatchConsumer"/>). An unreadable message is dead-lettered instead of blocking its partition.</summary>
public sealed class WeighingConsumer(
    WeighingWriter writer,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<WeighingConsumer> logger) : BatchConsumer(Topics.Weighings, kafka, options, logger)
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A deployment without weighbridges may not have the topic yet; librdkafka then fails the subscription.
        // Wait for it rather than let the failure stop the whole processing host.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await base.ExecuteAsync(stoppingToken);
                return;
            }
            catch (ConsumeException e) when (e.Error.Code is ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownTopic)
            {
                logger.LogDebug("{Topic} not available yet ({Reason}); retrying", Topics.Weighings, e.Error.Reason);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var rows = new List<WeighingRow>(batch.Count);
        foreach (var message in batch)
        {
            var (row, reason) = WeighingJsonReader.Read(message.Message.Value);
            if (row is not null)
            {
                rows.Add(row);
                continue;
            }
            await deadLetters.SendAsync(new DeadLetter(
                DeadLetterIds.For(message.TopicPartitionOffset), time.GetUtcNow(), "processing", message.Topic,
                "invalid-weighing", reason!, message.Message.Value), ct);
        }
        var inserted = await writer.WriteAsync(rows, ct);
        if (inserted < rows.Count)
            logger.LogDebug("{Skipped} weighings were already in the ledger (redelivered)", rows.Count - inserted);
    }
}
