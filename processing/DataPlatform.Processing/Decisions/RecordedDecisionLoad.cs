using DataPlatform.Compliance.Fusion;
using DataPlatform.Processing.Consuming;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Processing.Decisions;

/// <summary>
/// The decisions recorded before this member was handed its partitions (by an earlier run, or by another member
/// before a rebalance), loaded into the decision service's fusion off the decision path: the load starts on the
/// thread pool when partitions are assigned and is applied on the consume thread once done, so no decision waits
/// on ClickHouse — except the first after an assignment, which waits for the load (at most
/// <paramref name="firstDecisionWait"/>), because deciding before it would decide a corroborating read of a passage
/// decided before the restart a second time. When ClickHouse does not answer the gate decides without it (it must)
/// and the load is retried every <paramref name="retryDelay"/> until it is applied.
/// </summary>
/// <remarks><paramref name="span"/>: How much of each lane's time (back from its newest decided pass time) is loaded:
/// as much as the service remembers of what it decides itself.</remarks>
internal sealed class RecordedDecisionLoad(
    DecidedLaneReads reads, TimeSpan span, TimeSpan firstDecisionWait, TimeSpan retryDelay, ILogger logger)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, DateTime> _newest = new(StringComparer.Ordinal);
    private Task<RecentDecidedReads>? _loading;
    private bool _waited;
    private long _retryAt = long.MaxValue;
    private int _failures;

    /// <summary>Decided reads loaded into the fusion since start.</summary>
    public int Loaded { get; private set; }

    /// <summary>Starts loading (partitions were assigned). Returns at once: the queries run on the thread pool.</summary>
    public void Start()
    {
        _waited = false;
        _retryAt = long.MaxValue;
        if (_loading is { IsCompleted: false }) return; // a load still running covers this assignment too
        _loading = Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(QueryTimeout);
            return await reads.RecentAsync(span, timeout.Token);
        });
    }

    /// <summary>Applies a finished load to <paramref name="fusion"/>. <paramref name="beforeDecision"/>: a read is about
    /// to be decided, so the first one after an assignment waits for the load.</summary>
    public void ApplyTo(LaneFusion fusion, bool beforeDecision)
    {
        if (_loading is null)
        {
            if (Environment.TickCount64 >= _retryAt) Start();
            return;
        }
        if (!_loading.IsCompleted)
        {
            if (!beforeDecision || _waited) return;
            _waited = true;
            if (!((IAsyncResult)_loading).AsyncWaitHandle.WaitOne(firstDecisionWait))
            {
                logger.LogWarning("Loading the recorded gate decisions takes over {Wait}; deciding without them until loaded", firstDecisionWait);
                return;
            }
        }
        var loading = _loading;
        _loading = null;
        if (!loading.IsCompletedSuccessfully)
        {
            var reason = loading.Exception?.GetBaseException() ?? new TimeoutException("loading the recorded gate decisions timed out");
            // Once loudly; while ClickHouse stays away (or gate_decisions is gone: the recorder stops the service) quietly.
            logger.Log(_failures++ == 0 ? LogLevel.Warning : LogLevel.Debug,
                "Loading the recorded gate decisions failed ({Fault}: {Reason}); deciding without them, retrying",
                LedgerSchemaFault.Of(reason) is { } fault ? LedgerSchemaFault.Describe(fault) : reason.GetType().Name, reason.Message);
            _retryAt = Environment.TickCount64 + (long)retryDelay.TotalMilliseconds;
            return;
        }
        _failures = 0;
        var loaded = loading.Result;
        foreach (var group in loaded.Groups)
        {
            if (fusion.Knows(group.Survivor.EventId)) continue;
            fusion.Load(group);
            Loaded++;
        }
        foreach (var (lane, newest) in loaded.Newest)
            if (!_newest.TryGetValue(lane, out var known) || newest > known) _newest[lane] = newest;
    }

    /// <summary>The newest decided pass time of the lane when its decisions were loaded; null for a lane with none.</summary>
    public DateTime? NewestOf(string laneKey) => _newest.TryGetValue(laneKey, out var newest) ? newest : null;
}
