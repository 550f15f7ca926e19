using DataPlatform.Streams;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>The one publisher of <c>ledger.records</c> in a processing host (idempotent, acks=all): typed records in,
/// written with <see cref="LedgerRecordJson"/> under their <see cref="ILedgerRecord.Key"/>. Callers await every
/// acknowledgement before they commit what the records came from.</summary>
public sealed class LedgerRecordProducer(SharedProducer producer)
{
    private long _sent;

    /// <summary>Records acknowledged since start.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    public async Task PublishAsync(IReadOnlyCollection<ILedgerRecord> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        await Task.WhenAll(records.Select(r => producer.ProduceAsync(Topics.LedgerRecords, r.Key, LedgerRecordJson.Write(r), ct)));
        Interlocked.Add(ref _sent, records.Count);
    }
}
