using Confluent.Kafka;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Consuming;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Rejections;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Passages;

/// <summary>Raw gate events → passage rows in the ledger, each screened for manual review
/// (<see cref="PassageReviewScreen"/>), then → <c>ledger.records</c> before the offsets are committed. A message that
/// no longer parses (schema drift, a producer bypassing ingest) is dead-lettered with the reason instead of blocking
/// its partition.</summary>
public sealed class GateRawConsumer(
    PassageWriter writer,
    PassageRecordPublisher records,
    DeadLetterProducer deadLetters,
    TimeProvider time,
    IOptions<KafkaOptions> kafka,
    IOptions<ProcessingOptions> options,
    ILogger<GateRawConsumer> logger,
    PolicyStore? policies = null) : BatchConsumer(Topics.GateRaw, kafka, options, logger)
{
    // The registry the plate reads are checked against: the decision service's, when this host runs it.
    private VehicleRegistry Registry => policies?.Current.Registry ?? VehicleRegistry.Empty;

    private readonly Compliance.Plates.ReconcilerOptions _review = options.Value.ReviewOptions();

    protected override async Task HandleAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var rows = new List<PassageRow>(batch.Count);
        foreach (var message in batch)
        {
            // Ingest enforced its own size limit when it accepted the event; a larger configured limit must not turn
            // an acknowledged event into a dead letter here.
            var parsed = GateEventCodec.Parse(message.Message.Value, time.GetUtcNow(), int.MaxValue);
            if (parsed.Event is { } gateEvent)
            {
                rows.Add(PassageReviewScreen.Screen(PassageProjection.ToRow(gateEvent), gateEvent, Registry, _review));
                continue;
            }
            var rejection = parsed.Rejection!;
            await deadLetters.SendAsync(new DeadLetter(
                DeadLetterIds.For(message.TopicPartitionOffset), time.GetUtcNow(), "processing", message.Topic,
                rejection.Code, rejection.Reason, message.Message.Value), ct);
        }
        var written = await writer.WriteNewAsync(rows, ct);
        if (written.Count < rows.Count)
            logger.LogDebug("{Skipped} passages were already in the ledger (re-pushed by a device or redelivered)", rows.Count - written.Count);
        await records.PublishAsync(rows, written, ct);
    }
}
