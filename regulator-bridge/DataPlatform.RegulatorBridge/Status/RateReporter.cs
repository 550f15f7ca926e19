using Confluent.Kafka;
using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Rates;
using DataPlatform.RegulatorBridge.Storage;
using DataPlatform.RegulatorBridge.Uplink;
using DataPlatform.Streams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Status;

/// <summary>Every <c>RatesInterval</c>: recomputes the rates of the last days from the outbox (one row per record,
/// FINAL), stores them, and publishes a bridge status event for each rate below its threshold, for an upload
/// backlog past its limits and for a platform that is down. Processing's alarms raise them.</summary>
public sealed class RateReporter(
    BridgeContext bridge,
    OutboxStore outbox,
    RateStore rates,
    Uploader uploader,
    SharedProducer producer,
    IOptions<RegulatorBridgeOptions> options,
    TimeProvider time,
    ILogger<RateReporter> logger) : BackgroundService
{
    /// <summary>The last computation, for tests and the CLI.</summary>
    public IReadOnlyList<DailyGateRate> Latest { get; private set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await bridge.Ready.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ReportAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("计算上传率失败: {Reason}", e.Message);
                }
                await Task.Delay(options.Value.RatesInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<IReadOnlyList<DailyGateRate>> ReportAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var since = new DateTimeOffset(RateCalculator.DayOf(now).AddDays(-(Math.Max(1, o.RatesDays) - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var computed = RateCalculator.Compute(await outbox.LoggedSinceAsync(since, ct), o.Rates);
        await rates.SaveAsync(computed.ToList(), o.Rates, ct);
        Latest = computed;
        var events = RateCalculator.Findings(computed, o.Rates).Select(f => BridgeFindings.FromRate(f, bridge.EntCode, now)).ToList();
        var (count, oldest) = await outbox.BacklogAsync(ct);
        if (BridgeFindings.FromBacklog(count, oldest, o.BacklogAlarmCount, o.BacklogAlarmAge, bridge.EntCode, now) is { } backlog)
            events.Add(backlog);
        if (uploader.CircuitState != CircuitState.Closed && uploader.PlatformDownSince is { } down)
            events.Add(BridgeFindings.PlatformDown(down, bridge.EntCode, now));
        foreach (var e in events)
            await producer.ProduceAsync(Topics.BridgeStatus, $"{e.EnterpriseId}/{e.GateId}", e.ToJson(), ct);
        return computed;
    }
}
