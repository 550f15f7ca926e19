using Confluent.Kafka;
using DataPlatform.Processing.Trips;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>
/// Publishes finished ledger records (new passages, closed trips) to <c>ledger.records</c> for the regulator bridge.
/// <para>At least once: per stream, the next rows after the high-water mark are produced, every produce is awaited
/// (acks=all, idempotent producer), and only then is the mark moved. A crash in between publishes those rows again
/// on restart, under the same <c>recordId</c>; the bridge deduplicates on it (for trips: keeps the highest
/// <c>version</c>). Nothing is skipped as long as an insert becomes visible within <c>PublishLagSeconds</c> of its
/// ingested_at and the row lies within <c>PublishLookbackDays</c>.</para>
/// </summary>
public sealed class LedgerRecordPublisher(
    LedgerRecordQueries queries, PublishMarkTable marks, IOptions<KafkaOptions> kafka) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer =
        new ProducerBuilder<string, byte[]>(kafka.Value.Producer("ledger-records")).Build();

    /// <summary>Publishes what is pending on both streams; returns how many records were sent.</summary>
    public async Task<int> PublishAsync(TripOptions o, DateTimeOffset now, CancellationToken ct)
    {
        var window = new LedgerRecordQueries.Window(
            now.AddDays(-o.PublishLookbackDays), now.AddSeconds(-o.PublishLagSeconds), o.PublishBatchSize);
        var sent = 0;
        sent += await DrainAsync(LedgerRecordQueries.PassageStream, queries.PassagesAsync, window, ct);
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
            await Task.WhenAll(batch.Select(m => _producer.ProduceAsync(Topics.LedgerRecords,
                new Message<string, byte[]> { Key = m.Key, Value = m.Json }, ct)));
            mark = batch[^1].Position;
            await marks.SaveAsync(stream, mark, ct);
            sent += batch.Count;
            if (batch.Count < window.Limit) return sent;
        }
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
