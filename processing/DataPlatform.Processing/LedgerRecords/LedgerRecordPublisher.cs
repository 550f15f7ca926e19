using DataPlatform.Processing.Trips;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>
/// Publishes closed trips to <c>ledger.records</c> for the regulator bridge; runs on the processing leader only
/// (<see cref="Leadership.ProcessingLeader"/>), and trips are written by the same leader's job before it publishes, so
/// no other writer can slip a row under the mark. Passages are published from the writer's batches instead.
/// <para>At least once: per stream, the next rows after the high-water mark are produced, every produce is awaited
/// (acks=all, idempotent producer), and only then is the mark moved. A crash in between publishes those rows again
/// on restart, under the same <c>recordId</c>; the bridge deduplicates on it (for trips: keeps the highest
/// <c>version</c>). Nothing is skipped as long as an insert becomes visible within <c>PublishLagSeconds</c> of its
/// ingested_at and the row lies within <c>PublishLookbackDays</c>.</para>
/// </summary>
public sealed class LedgerRecordPublisher(
    LedgerRecordQueries queries, PublishMarkTable marks, LedgerRecordProducer producer)
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
            await producer.PublishAsync([.. batch.Select(m => (m.Key, m.Json))], ct);
            mark = batch[^1].Position;
            await marks.SaveAsync(stream, mark, ct);
            sent += batch.Count;
            if (batch.Count < window.Limit) return sent;
        }
    }
}
