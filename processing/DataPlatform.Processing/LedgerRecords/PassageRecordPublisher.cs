using DataPlatform.Processing.Passages;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>
/// Publishes the passages of a consumed <c>gate.raw</c> batch to <c>ledger.records</c> once they are stored and
/// before the batch's offsets are committed: driven by Kafka offsets, so with N processing instances each passage is
/// published by the one instance that owns its partition, and a record inserted concurrently can never be skipped
/// (there is no high-water mark to overtake it). A redelivered batch publishes its rows again under the same record
/// id — as stored, so a re-push with another pass time repeats the stored record. Flagged passages are held back:
/// the review ledger publishes them once resolved.
/// </summary>
public sealed class PassageRecordPublisher(PassageReader reader, LedgerRecordProducer producer)
{
    /// <returns>How many records were published.</returns>
    public async Task<int> PublishAsync(IReadOnlyCollection<PassageRow> batch, IReadOnlyList<PassageRow> written, CancellationToken ct)
    {
        var stored = written.ToDictionary(r => r.PassageId);
        var missing = batch.Select(r => r.PassageId).Where(id => !stored.ContainsKey(id)).Distinct().ToList();
        foreach (var (id, row) in await reader.ReadByIdsAsync(missing, ct))
            stored[id] = row;
        var records = stored.Values.Where(r => !r.NeedsReview).Select(PassageRecordJson.For).ToList();
        await producer.PublishAsync(records, ct);
        return records.Count;
    }
}
