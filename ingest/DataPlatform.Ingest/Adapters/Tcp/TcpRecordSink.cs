using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>Where a TCP listener's records go. In the platform that is <see cref="DurableIngest"/>, the one
/// path that accepts records; tests substitute a collector to check exactly what a byte stream produced.</summary>
public interface ITcpRecordSink
{
    Task AcceptAsync(JournalEntry entry, CancellationToken ct);

    /// <summary>Stores several records, keeping their order.</summary>
    async Task AcceptManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries) await AcceptAsync(entry, ct);
    }

    Task RejectAsync(DeadLetter letter, CancellationToken ct);
}

public sealed class DurableTcpSink(DurableIngest ingest) : ITcpRecordSink
{
    public Task AcceptAsync(JournalEntry entry, CancellationToken ct) => ingest.AcceptAsync(entry, ct);

    public Task AcceptManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct) => ingest.AcceptManyAsync(entries, ct);

    public Task RejectAsync(DeadLetter letter, CancellationToken ct) => ingest.RejectAsync(letter, ct);
}
