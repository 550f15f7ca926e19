using DataPlatform.RegulatorBridge.Hosting;
using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Storage;
using DataPlatform.RegulatorBridge.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>
/// Drains the outbox in rounds: plan (real-time first, 补传 in order with a guaranteed share), mark the round
/// InFlight durably, send it concurrently, then store the outcomes and one upload-log row per attempt. The circuit
/// breaker stops rounds while the platform is down and lets single probes through. Every state change reaches
/// ClickHouse before the next round, so a restart resumes exactly: InFlight rows become due again
/// (<see cref="OutboxMachine.RecoverAfterRestart"/>) and their lost attempt is logged as <c>unknown</c>.
/// </summary>
public sealed class Uploader(
    BridgeContext bridge,
    OutboxStore store,
    OutboxQueue queue,
    UploadAttemptRunner runner,
    HeartbeatSender heartbeats,
    IOptions<RegulatorBridgeOptions> options,
    TimeProvider time,
    ILogger<Uploader> logger) : BackgroundService
{
    private readonly Random _random = new();
    private readonly CircuitBreaker _breaker = new(options.Value.Circuit);
    private readonly UploadScheduler _scheduler = new(options.Value.Scheduler);
    private long _attempts;
    private long _acknowledged;

    public long Attempts => Interlocked.Read(ref _attempts);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Closed while the platform answers; open or half-open while it is considered down.</summary>
    public CircuitState CircuitState => _breaker.State;

    public DateTimeOffset? PlatformDownSince => _breaker.DownSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await bridge.Ready.WaitAsync(stoppingToken);
            await RecoverAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await heartbeats.SendIfDueAsync(_breaker, stoppingToken);
                    if (!await RoundAsync(stoppingToken))
                        await queue.WaitAsync(options.Value.IdleDelay, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store was unreachable: nothing was lost (the round's rows are InFlight or older), retry.
                    logger.LogWarning("上传轮次失败，稍后重试: {Reason}", e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                    await RecoverAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await store.LoadOpenAsync(ct);
        var interrupted = open.Where(i => i.Entry.State == UploadState.InFlight).ToList();
        var recovered = interrupted.Select(i => i with { Entry = OutboxMachine.RecoverAfterRestart(i.Entry, now) }).ToList();
        var logged = await store.LoggedAttemptsAsync(interrupted.Select(i => i.Entry.RecordId).ToList(), ct);
        var unknown = interrupted
            .Where(i => !logged.Contains((i.Entry.RecordId, i.Entry.Attempts)))
            .Select(i => new AttemptLogRow(
                new UploadAttempt(i.Entry.RecordId, i.Entry.Attempts, i.Entry.Mode ?? UploadMode.RealTime,
                    i.AttemptStartedAt ?? now, now, AttemptOutcome.TransportError, null, "重启时请求结果未知"),
                i.Entry, i.EnterpriseId, "unknown", null))
            .ToList();
        await store.LogAsync(unknown, ct);
        await store.SaveAsync(recovered, ct);
        queue.Put(open.Select(i => recovered.FirstOrDefault(r => r.Entry.RecordId == i.Entry.RecordId) ?? i));
        if (open.Count > 0)
            logger.LogInformation("上传队列恢复 {Open} 条待上传记录（其中 {InFlight} 条重启时在途）", open.Count, interrupted.Count);
    }

    /// <returns>Whether anything was sent.</returns>
    private async Task<bool> RoundAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Open: nothing goes out. Half-open: one record is the probe, taken only once there is one to send.
        var capacity = _breaker.Capacity(now, options.Value.MaxInFlight);
        if (capacity == 0)
            return false;
        var items = queue.Snapshot().ToDictionary(i => i.Entry.RecordId, StringComparer.Ordinal);
        var plan = _scheduler.Plan(items.Values.Select(i => i.Entry), now, capacity);
        if (plan.Count == 0 || (_breaker.State == CircuitState.HalfOpen && !_breaker.TryAcquire(now)))
            return false;
        var down = _breaker.IsPlatformDown;
        var started = queue.StartRound(plan.Select(e => e.RecordId), now,
            i => i with { Entry = OutboxMachine.Start(i.Entry, now, down), AttemptStartedAt = now });
        if (started.Count == 0)
            return false;
        await store.SaveAsync(started, ct);

        var results = await Task.WhenAll(started.Select(async item =>
        {
            var (reply, completeness) = await runner.RunAsync(item, ct);
            return (item, reply, completeness, finished: time.GetUtcNow());
        }));

        var finals = new List<OutboxItem>(results.Length);
        var log = new List<AttemptLogRow>(results.Length);
        foreach (var (item, reply, completeness, finished) in results)
        {
            var entry = item.Entry;
            // The platform answered (even with a refusal): it is up. A local refusal says nothing about it.
            if (reply.IsAcknowledged || reply.Response is not null)
                _breaker.OnSuccess();
            else if (reply.Outcome != AttemptOutcome.Refused)
                _breaker.OnFailure(finished);
            OutboxEntry next;
            if (reply.IsAcknowledged)
            {
                if (reply.Outcome == AttemptOutcome.Duplicate)
                    logger.LogInformation("监管平台答复重复记录 {RecordId} (第 {Attempt} 次上传): 平台已有此记录, 记为重复确认 (duplicate acknowledgement: an earlier attempt reached the platform)",
                        entry.RecordId, entry.Attempts);
                next = OutboxMachine.Acknowledge(entry, finished);
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                // No response to a refusal: refused locally (the payload could not be built); retrying cannot help.
                var permanent = reply.Outcome == AttemptOutcome.Refused
                    && (reply.Response is not { } r || options.Value.PermanentRefusalCodes.Contains(r.Code));
                next = OutboxMachine.Fail(entry, finished, permanent ? FailureKind.Permanent : FailureKind.Transient,
                    reply.Error ?? reply.Outcome.ToString(), options.Value.Backoff, _random);
            }
            finals.Add(item with { Entry = next, Complete = completeness.IsComplete, Missing = completeness.IsComplete ? "" : completeness.Describe() });
            log.Add(new AttemptLogRow(
                new UploadAttempt(entry.RecordId, entry.Attempts, entry.Mode ?? UploadMode.RealTime, item.AttemptStartedAt ?? now, finished,
                    reply.Outcome, reply.Response?.Code, reply.Error),
                entry, item.EnterpriseId, reply.Outcome.ToString(), reply.IsAcknowledged ? finished : null));
        }
        Interlocked.Add(ref _attempts, results.Length);
        // The log first: if the process dies before the outbox row, the restart finds the attempt logged and
        // does not log it again as unknown.
        await store.LogAsync(log, ct);
        await store.SaveAsync(finals, ct);
        queue.Put(finals);
        return true;
    }
}
