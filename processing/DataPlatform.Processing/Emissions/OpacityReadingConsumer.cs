using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Emissions;

/// <summary><c>gate.emission-readings</c> → the <c>opacity_readings</c> ledger table; offsets are committed after
/// ClickHouse acknowledged (<see cref="BatchConsumer"/>). An unreadable message is dead-lettered, not skipped.</summary>
public sealed class OpacityReadingConsumer(
    OpacityReadingWriter writer,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<OpacityReadingConsumer> logger) : BatchConsumer(Topics.EmissionReadings, kafka, options, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var rows = new List<OpacityReadingRow>(batch.Count);
        foreach (var message in batch)
        {
            string reason;
            try
            {
                rows.Add(OpacityReadingRow.From(OpacityReading.FromJson(message.Message.Value)));
                continue;
            }
            catch (JsonException e)
            {
                reason = e.Message;
            }
            await deadLetters.SendAsync(new DeadLetter(
                DeadLetterIds.For(message.TopicPartitionOffset), time.GetUtcNow(), "processing", message.Topic,
                "invalid-emission-reading", reason, message.Message.Value), ct);
        }
        var inserted = await writer.WriteAsync(rows, ct);
        if (inserted < rows.Count)
            logger.LogDebug("{Skipped} opacity readings were already in the ledger (re-sent or redelivered)", rows.Count - inserted);
    }
}
