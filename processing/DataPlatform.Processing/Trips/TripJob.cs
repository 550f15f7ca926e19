using DataPlatform.Compliance.Trips;
using DataPlatform.Processing.LedgerRecords;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Trips;

/// <summary>
/// Every <see cref="TripOptions.IntervalSeconds"/>: re-pairs the passages and weighings of the last
/// <see cref="TripOptions.WindowDays"/> into trips with the pure <see cref="TripPairing"/>, upserts the trips that
/// changed, then publishes pending ledger records. Everything it writes is derived from the ledger and keyed by
/// deterministic ids, so a run that fails or is repeated (here or in another processing instance) is harmless.
/// </summary>
public sealed class TripJob(
    TripSource source,
    TripStore store,
    LedgerRecordPublisher publisher,
    TimeProvider time,
    IOptions<TripOptions> options,
    ILogger<TripJob> logger) : BackgroundService
{
    // The timer loop and a caller of RunOnceAsync (tests, a CLI) must not interleave mark updates.
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>One run; returns the trips written and the records published.</summary>
    public async Task<(int Trips, int Records)> RunOnceAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            var o = options.Value;
            var now = time.GetUtcNow();
            var from = now.AddDays(-o.WindowDays);
            var passages = await source.PassagesAsync(from, ct);
            var weighings = await source.WeighingsAsync(from, passages, ct);
            var paired = TripPairing.Pair(passages, weighings);
            var trips = await store.UpsertAsync([.. paired.Trips.Select(TripProjection.ToRow)], now, ct);
            var records = await publisher.PublishAsync(o, time.GetUtcNow(), ct);
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
