using Confluent.Kafka;
using DataPlatform.Ledger;
using DataPlatform.Processing.Consuming;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Rejections;

/// <summary>Keeps every dead letter in the <c>rejected_payloads</c> table, where staff list and re-submit them.</summary>
public sealed class RejectedPayloadConsumer(
    IdempotentInserter inserter,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<RejectedPayloadConsumer> logger) : BatchConsumer(Topics.DeadLetter, kafka, options, logger)
{
    public static readonly LedgerTable<DeadLetter> Table = new(
        "rejected_payloads", "rejection_id", "received_at",
        ["rejection_id", "received_at", "stage", "source", "reason_code", "reason", "payload"],
        d => d.Id, d => d.ReceivedAt.UtcDateTime,
        d => [d.Id, d.ReceivedAt.UtcDateTime, d.Stage, d.Source, d.ReasonCode, d.Reason, d.Payload]);

    protected override Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct) =>
        inserter.InsertNewAsync(Table, batch.Select(Read).ToList(), ct);

    // Something that is not a dead letter on the dead-letter topic is itself kept, never allowed to block it.
    private static DeadLetter Read(ConsumeResult<string, byte[]> message)
    {
        try
        {
            return DeadLetter.FromJson(message.Message.Value);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new DeadLetter(DeadLetterIds.For(message.TopicPartitionOffset), message.Message.Timestamp.UtcDateTime,
                "processing", message.Topic, "unreadable_dead_letter", ex.Message, message.Message.Value);
        }
    }
}
