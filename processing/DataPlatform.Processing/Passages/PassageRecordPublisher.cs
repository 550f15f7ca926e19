using DataPlatform.Processing.LedgerRecords;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Publishes the passages of a consumed <c>gate.raw</c> batch to <c>ledger.records</c> once they are stored and
/// before the batch's offsets are committed: driven by Kafka offsets, so with N processing instances each passage is
/// published by the one instance that owns its partition, and a record inserted concurrently can never be skipped
/// (there is no high-water mark to overtake it). A redelivered batch publishes its rows again under the same record
/// id — as stored, so a re-push with another pass time repeats the stored record. Flagged passages are held back:
/// the review ledger publishes them once resolved. Each record carries the registry's vehicle fields in force at its
/// pass time (<see cref="PassageEnrichment"/>), so a republished record is identical.
/// </summary>
public sealed class PassageRecordPublisher(PassageReader reader, RegisterVersionReader registers, LedgerRecordProducer producer)
{
    /// <returns>How many records were published.</returns>
    public async Task<int> PublishAsync(IReadOnlyCollection<PassageRow> batch, IReadOnlyList<PassageRow> written, CancellationToken ct)
    {
        var stored = written.ToDictionary(r => r.PassageId);
        var missing = batch.Select(r => r.PassageId).Where(id => !stored.ContainsKey(id)).Distinct().ToList();
        foreach (var (id, row) in await reader.ReadByIdsAsync(missing, ct))
            stored[id] = row;
        var publish = stored.Values.Where(r => !r.NeedsReview).ToList();
        var versions = await registers.ForPlatesAsync([.. publish.Select(r => r.PlateNo)], ct);
        var records = publish.Select(r => PassageRecords.For(r, VehicleFor(versions, r, r.PlateNo, r.PlateColor))).ToList();
        await producer.PublishAsync(records, ct);
        return records.Count;
    }

    public static VehicleRegisterVersion? VehicleFor(IEnumerable<VehicleRegisterVersion> versions, PassageRow row, string plateNo, string plateColor) =>
        PassageEnrichment.InForce(versions, row.EnterpriseId, plateNo, plateColor, DateTime.SpecifyKind(row.PassTimeChina, DateTimeKind.Utc));
}
