using DataPlatform.Gate;
using DataPlatform.Ingest.Journal;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Publishing;

/// <summary>
/// The one path by which ingest accepts a record: journal it first when a journal is configured, then publish
/// it. The caller acknowledges the device only after this completes, so an acknowledged record survives a
/// crash of the process and of an in-memory broker.
/// </summary>
public sealed class DurableIngest(KafkaRecordPublisher publisher, JournalProgress progress, IngestJournal? journal = null)
{
    public Task AcceptAsync(GateEvent gateEvent, CancellationToken ct) =>
        AcceptAsync(new JournalEntry(Topics.GateRaw, gateEvent.PartitionKey, GateEventCodec.Serialize(gateEvent)), ct);

    public Task RejectAsync(DeadLetter letter, CancellationToken ct) =>
        AcceptAsync(new JournalEntry(Topics.DeadLetter, letter.Stage, letter.ToJson()), ct);

    public async Task AcceptAsync(JournalEntry entry, CancellationToken ct)
    {
        if (journal is null)
        {
            await publisher.PublishAsync(entry.Topic, entry.Key, entry.Value, ct);
            return;
        }
        var segment = await journal.AppendAsync(entry);
        // Journaled means owed to Kafka: a device hanging up must not cancel the send. A failed send leaves the
        // record unsettled, which keeps its segment for the replay at the next start.
        var offset = await publisher.PublishAsync(entry.Topic, entry.Key, entry.Value, CancellationToken.None);
        progress.Published(segment, offset);
        journal.Settle(segment);
    }
}
