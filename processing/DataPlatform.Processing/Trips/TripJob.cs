using DataPlatform.Compliance.Trips;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Processing.Leadership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Trips;

/// <summary>
/// Every <see cref="TripOptions.IntervalSeconds"/>, on the elected leader only (<see cref="ProcessingLeader"/>):
/// re-pairs into trips, with the pure <see cref="TripPairing"/>, the vehicles whose passages or weighings arrived
/// since the last run (a watermark on ingested_at, widened by <see cref="TripOptions.LateArrivalSeconds"/> for
/// inserts that became visible late) — each over its passages of the last <see cref="TripOptions.WindowDays"/>, the
/// bounded late-arrival window — upserts the trips that changed, then publishes the pending closed trips. The first
/// run after a start has no watermark and pairs the whole window. Everything it writes is derived from the ledger
/// and keyed by deterministic ids, so a run that fails or is repeated is harmless.
/// </summary>
public sealed class TripJob(
    TripSource source,
    TripStore store,
    TripRecordPublisher publisher,
    ProcessingLeader leader,
    TimeProvider time,
    IOptions<TripOptions> options,
    ILogger<TripJob> logger) : BackgroundService
{
    // The timer loop and a caller of RunOnceAsync (tests, a CLI) must not interleave mark updates.
    private readonly SemaphoreSlim _running = new(1, 1);
    private DateTimeOffset? _watermark;

    /// <summary>Passages read by the last run (how incremental it was).</summary>
    public int LastPassagesRead { get; private set; }

    /// <summary>One run; returns the trips written and the records published.</summary>
    public async Task<(int Trips, int Records)> RunOnceAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            var o = options.Value;
            var now = time.GetUtcNow();
            var from = now.AddDays(-o.WindowDays);
            IReadOnlyCollection<string>? plates = null;
            if (_watermark is { } mark)
            {
                plates = await source.ChangedPlatesAsync(from, mark.AddSeconds(-o.LateArrivalSeconds), ct);
                if (plates.Count == 0)
                {
                    _watermark = now;
                    LastPassagesRead = 0;
                    return (0, await publisher.PublishAsync(o, time.GetUtcNow(), ct));
                }
            }
            var passages = await source.PassagesAsync(from, plates, ct);
            var weighings = await source.WeighingsAsync(from, passages, ct);
            LastPassagesRead = passages.Count;
            var paired = TripPairing.Pair(passages, weighings);
            var trips = await store.UpsertAsync([.. paired.Trips.Select(TripProjection.ToRow)], now, ct);
            var records = await publisher.PublishAsync(o, time.GetUtcNow(), ct);
            // Only after a complete run: a failed one is redone from the same watermark.
            _watermark = now;
            return (trips, records);
        }
        finally
        {
            _running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!leader.IsLeader)
                {
                    // A follower pairs nothing; when it becomes leader it starts from a full window again.
                    _watermark = null;
                    await Task.Delay(interval, time, stoppingToken);
                    continue;
                }
                var (trips, records) = await RunOnceAsync(stoppingToken);
                if (trips + records > 0)
                    logger.LogDebug("Trips job: {Trips} trips written, {Records} ledger records published", trips, records);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // ClickHouse or Kafka unreachable: nothing was marked done, the next run picks it up.
                logger.LogWarning(ex, "Trips job run failed; retrying in {Interval}", interval);
            }
            try { await Task.Delay(interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }
}
