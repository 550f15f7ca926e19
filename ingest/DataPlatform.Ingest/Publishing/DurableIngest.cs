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

    /// <summary>Accepts several records in their order: journaled together (one flush), then published in the same
    /// order (each produce call is made before the next, so one key's records keep their order in its partition).</summary>
    public async Task AcceptManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        if (journal is null)
        {
            await Task.WhenAll(entries.Select(e => publisher.PublishAsync(e.Topic, e.Key, e.Value, ct)).ToList());
            return;
        }
        var segments = await Task.WhenAll(entries.Select(journal.AppendAsync).ToList());
        // Journaled means owed to Kafka: a device hanging up must not cancel the send. A failed send leaves the
        // record unsettled, which keeps its segment for the replay at the next start.
        var offsets = await Task.WhenAll(entries.Select(e => publisher.PublishAsync(e.Topic, e.Key, e.Value, CancellationToken.None)).ToList());
        for (var i = 0; i < entries.Count; i++)
        {
            progress.Published(segments[i], offsets[i]);
            journal.Settle(segments[i]);
        }
    }

    public Task AcceptAsync(JournalEntry entry, CancellationToken ct) => AcceptManyAsync([entry], ct);
}
