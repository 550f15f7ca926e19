using DataPlatform.Compliance.Reviews;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Passages;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Trips;

/// <summary>
/// Publishes closed trips to <c>ledger.records</c> for the regulator bridge; runs on the processing leader only
/// (<see cref="Leadership.ProcessingLeader"/>), and trips are written by the same leader's job before it publishes, so
/// no other writer can slip a row under the mark. Passages are published from the writer's batches instead.
/// <para>At least once: per stream, the next rows after the high-water mark are produced, every produce is awaited
/// (acks=all, idempotent producer), and only then is the mark moved. A crash in between publishes those rows again
/// on restart, under the same <c>recordId</c>; the bridge deduplicates on it (for trips: keeps the highest
/// <c>version</c>). Nothing is skipped as long as an insert becomes visible within <c>PublishLagSeconds</c> of its
/// ingested_at and the row lies within <c>PublishLookbackDays</c>.</para>
/// <para>With each closed trip goes its exit passage once more, with the trip's cargo and net weight, under the exit
/// passage's record id and the trip row's version (millisecond-based, so above the passage's own and review
/// versions; a rewritten trip publishes a higher one), with the values its review settled on. A flagged exit still
/// awaiting review is left out: its review publishes it with the trip's load (<see cref="Reviews.ReviewActionConsumer"/>).</para>
/// </summary>
public sealed class TripRecordPublisher(
    LedgerRecordQueries queries, PublishMarkTable marks, LedgerRecordProducer producer,
    Passages.PassageReader passages, RegisterVersionReader registers, Reviews.ReviewActionStore reviews)
{
    /// <summary>Publishes the pending closed trips; returns how many records were sent.</summary>
    public async Task<int> PublishAsync(TripOptions o, DateTimeOffset now, CancellationToken ct)
    {
        var window = new LedgerRecordQueries.Window(
            now.AddDays(-o.PublishLookbackDays), now.AddSeconds(-o.PublishLagSeconds), o.PublishBatchSize);
        var sent = 0;
        sent += await DrainAsync(LedgerRecordQueries.TripStream, queries.ClosedTripsAsync, window, ct);
        return sent;
    }

    private async Task<int> DrainAsync(string stream,
        Func<PublishMark, LedgerRecordQueries.Window, CancellationToken, Task<List<LedgerRecordMessage>>> next,
        LedgerRecordQueries.Window window, CancellationToken ct)
    {
        var mark = await marks.ReadAsync(stream, ct);
        var sent = 0;
        while (true)
        {
            var batch = await next(mark, window, ct);
            if (batch.Count == 0) return sent;
            await producer.PublishAsync([.. batch.Select(m => m.Record), .. await ExitPassagesAsync(batch, ct)], ct);
            mark = batch[^1].Position;
            await marks.SaveAsync(stream, mark, ct);
            sent += batch.Count;
            if (batch.Count < window.Limit) return sent;
        }
    }

    private async Task<List<ILedgerRecord>> ExitPassagesAsync(List<LedgerRecordMessage> batch, CancellationToken ct)
    {
        var loads = batch.Select(m => m.Exit).OfType<ExitLoad>().ToList();
        if (loads.Count == 0) return [];
        var rows = await passages.ReadByIdsAsync([.. loads.Select(l => l.ExitPassageId).Distinct()], ct);
        var states = await reviews.StatesAsync(rows, ct);
        var versions = await registers.ForPlatesAsync([.. states.Values.Select(s => s.Effective.PlateNo)], ct);
        return [.. loads.Where(l => rows.ContainsKey(l.ExitPassageId) && states[l.ExitPassageId].Status is not (ReviewStatus.Pending or ReviewStatus.Rejected))
            .Select(l =>
            {
                var (row, state) = (rows[l.ExitPassageId], states[l.ExitPassageId]);
                return (ILedgerRecord)PassageRecords.For(row, l.RecordVersion((ulong)state.Resolutions), state.Effective, state.Status, null,
                    PassageRecordPublisher.VehicleFor(versions, row, state.Effective.PlateNo, state.Effective.PlateColor), l);
            })];
    }
}
