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
/// Drains the outbox through a sliding window (<see cref="UploadWindow"/>): whenever slots are free it plans
/// (real-time first, 补传 in order with a guaranteed share), marks the started records InFlight durably and sends them;
/// answers are stored as they come, in batches, with one upload-log row per attempt — one store round trip per cycle
/// (the log rows of the answers in, beside the outbox rows of the cycle before's outcomes and of the new starts). A request the platform holds
/// until its deadline occupies only its own slot, and once slow not even that. The circuit breaker stops new
/// requests while the platform is down and lets single probes through. Every record is InFlight in ClickHouse before
/// its request goes out and its outcome is stored before it can start again, so a restart resumes exactly: InFlight
/// rows become due again (<see cref="OutboxMachine.RecoverAfterRestart"/>) and their lost attempt is logged as
/// <c>unknown</c>.
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
    // SlowAfter here is the configured bound; the window in force paces it by the platform's answers (AnswerPace).
    private readonly UploadWindow _configured = options.Value.Window();
    private readonly AnswerPace _pace = new();
    // Requests out, in the order they started; only the upload loop touches it.
    private readonly List<Attempt> _out = [];
    // Released by each request that ends (at most one count pending: a wake-up, not a tally): the loop waits on it, not
    // on every request out.
    private readonly SemaphoreSlim _answered = new(0, 1);
    private Task? _signal;
    private Task? _answer;
    // Outcomes whose upload-log rows are stored and whose outbox rows go with the next cycle's insert.
    private List<OutboxItem> _unsaved = [];
    // How long answers already in may wait for others, so they are stored in one batch.
    private static readonly TimeSpan StoreGather = TimeSpan.FromMilliseconds(20);
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
                    await CycleAsync(stoppingToken);
                    await WaitForProgressAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store was unreachable: nothing was lost (the records are InFlight or older). Requests still out
                    // may yet be answered, but their outcome could not be stored either: let them end, then recover as
                    // after a restart, so no record is sent again while its request is still out.
                    logger.LogWarning("上传轮次失败，稍后重试: {Reason}", e.Message);
                    await ((Task)Task.WhenAll(_out.Select(a => a.Reply))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    _out.Clear();
                    _unsaved = [];
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

    // One cycle, one round trip to the store: the upload-log rows of the answers in (if enough to store together) and,
    // beside them, one outbox insert with the outcomes of the cycle before (their log rows are in) and the records the
    // window has room for, InFlight before their requests go out. So an outcome's outbox row always follows its log row
    // (a restart never logs an attempt again as unknown), and a record starts again only once its outcome is stored.
    private async Task CycleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answered = _out.Where(a => a.Reply.IsCompleted).ToList();
        if (answered.Count > 0 && !ReadyToStore(answered, now))
            answered.Clear();
        var (finals, log) = await OutcomesAsync(answered);
        var stored = answered.ToHashSet();
        _out.RemoveAll(stored.Contains);
        var started = Start(now);
        var outcomes = _unsaved;
        await Task.WhenAll(store.LogAsync(log, ct), store.SaveAsync([.. outcomes, .. started], ct));
        _unsaved = finals;
        Interlocked.Add(ref _attempts, answered.Count);
        // Only when there is something: a Put wakes the loop, and an empty one every cycle kept it spinning.
        if (outcomes.Count > 0)
            queue.Put(outcomes);
        foreach (var item in started)
            _out.Add(new Attempt(item, now, Send(item, ct)));
    }

    // The records to start now, marked InFlight in the queue (the caller stores them before sending). While most of the
    // window is busy it waits for a quarter of it to free up: each start is a planning pass over the queue.
    private List<OutboxItem> Start(DateTimeOffset now)
    {
        var window = Window();
        var startedAt = _out.Select(a => a.StartedAt).ToList();
        var free = window.Free(startedAt, now);
        if (free == 0 || (window.Counting(startedAt, now) > 0 && free < window.Batch))
            return [];
        // Open: nothing goes out. Half-open: one record is the probe, taken only once there is one to send.
        var capacity = _breaker.Capacity(now, free);
        if (capacity == 0)
            return [];
        var plan = _scheduler.Plan(queue.Snapshot().Select(i => i.Entry), now, capacity);
        if (plan.Count == 0 || (_breaker.State == CircuitState.HalfOpen && !_breaker.TryAcquire(now)))
            return [];
        var down = _breaker.IsPlatformDown;
        return queue.StartRound(plan.Select(e => e.RecordId), now,
            i => i with { Entry = OutboxMachine.Start(i.Entry, now, down), AttemptStartedAt = now });
    }

    // The window in force: the configured one, its slow threshold paced by the platform's recent answers.
    private UploadWindow Window() => _configured with { SlowAfter = _pace.SlowAfter(_configured.SlowAfter) };

    // The request's reply to come; once it has ended (and only then: the loop must find it completed when woken) the
    // "answered" signal is released.
    private Task<(TransportReply Reply, CompletenessResult Completeness, DateTimeOffset Finished)> Send(OutboxItem item, CancellationToken ct)
    {
        var reply = SendAsync(item, ct);
        reply.ContinueWith(_ =>
        {
            try
            {
                _answered.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another reply already woke the loop, which looks at every request out when it wakes.
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return reply;
    }

    private async Task<(TransportReply Reply, CompletenessResult Completeness, DateTimeOffset Finished)> SendAsync(OutboxItem item, CancellationToken ct)
    {
        // On the thread pool: building and signing the payload (RSA2) is CPU work, kept off the loop that stores and
        // starts, and spread over the cores. The record is already InFlight in the store.
        var (reply, completeness) = await Task.Run(() => runner.RunAsync(item, ct), ct);
        return (reply, completeness, time.GetUtcNow());
    }

    // Until a request is answered, new work arrives while the window has room, a request turns slow (frees a slot),
    // or the answers already in have waited long enough to be stored together.
    private async Task WaitForProgressAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answered = _out.Where(a => a.Reply.IsCompleted).ToList();
        if (_unsaved.Count > 0 || (answered.Count > 0 && ReadyToStore(answered, now)))
            return;
        _signal ??= queue.WaitAsync(options.Value.IdleDelay, ct);
        var wakers = new List<Task> { _signal };
        if (_out.Count > answered.Count)
            wakers.Add(_answer ??= _answered.WaitAsync(ct));
        if (Window().NextSlot(_out.Select(a => a.StartedAt), now) is { } slot)
            wakers.Add(Task.Delay(Max(slot - now, TimeSpan.FromMilliseconds(1)), time, ct));
        if (answered.Count > 0)
            wakers.Add(Task.Delay(Max(StoreGather - (now - FirstAnswer(answered, now)), TimeSpan.FromMilliseconds(1)), time, ct));
        await Task.WhenAny(wakers);
        if (_signal.IsCompleted)
        {
            await _signal; // surfaces a cancellation
            _signal = null;
        }
        if (_answer is { IsCompleted: true })
        {
            await _answer;
            _answer = null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Answers are stored together (one round trip per batch): once UploadWindow.Batch answered, when nothing else
    // answered at the usual pace is out, or when the first of them has waited StoreGather.
    private bool ReadyToStore(List<Attempt> answered, DateTimeOffset now) =>
        answered.Count >= _configured.Batch
        || Window().Counting(_out.Where(a => !a.Reply.IsCompleted).Select(a => a.StartedAt), now) == 0
        || now - FirstAnswer(answered, now) >= StoreGather;

    // A request that failed or was cancelled has no answer time: it is stored (or rethrown) at once.
    private static DateTimeOffset FirstAnswer(List<Attempt> answered, DateTimeOffset now) =>
        answered.Min(a => a.Reply.IsCompletedSuccessfully ? a.Reply.Result.Finished : now - StoreGather);

    // What the answers make of their records (the breaker learns from them too), and their upload-log rows.
    private async Task<(List<OutboxItem> Finals, List<AttemptLogRow> Log)> OutcomesAsync(List<Attempt> answered)
    {
        var finals = new List<OutboxItem>(answered.Count);
        var log = new List<AttemptLogRow>(answered.Count);
        foreach (var attempt in answered)
        {
            var item = attempt.Item;
            var (reply, completeness, finished) = await attempt.Reply;
            var entry = item.Entry;
            // The platform answered (even with a refusal): it is up, and this is its pace. A local refusal says nothing
            // about it.
            if (reply.IsAcknowledged || reply.Response is not null)
            {
                _breaker.OnSuccess();
                _pace.Observe(finished - attempt.StartedAt);
            }
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
                new UploadAttempt(entry.RecordId, entry.Attempts, entry.Mode ?? UploadMode.RealTime, item.AttemptStartedAt ?? attempt.StartedAt, finished,
                    reply.Outcome, reply.Response?.Code, reply.Error),
                entry, item.EnterpriseId, reply.Outcome.ToString(), reply.IsAcknowledged ? finished : null));
        }
        return (finals, log);
    }

    /// <summary>One request out: the record as started, when, and its reply to come.</summary>
    private sealed record Attempt(OutboxItem Item, DateTimeOffset StartedAt,
        Task<(TransportReply Reply, CompletenessResult Completeness, DateTimeOffset Finished)> Reply);
}
