using DataPlatform.RegulatorBridge.Storage;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>The open outbox entries in memory (the store is the truth; this is its working set), shared by the
/// intake, which adds new records, and the uploader, which moves them on and drops them once terminal.</summary>
public sealed class OutboxQueue
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OutboxItem> _open = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public int Count
    {
        get { lock (_gate) return _open.Count; }
    }

    public bool Contains(string recordId)
    {
        lock (_gate) return _open.ContainsKey(recordId);
    }

    public void Put(IEnumerable<OutboxItem> items)
    {
        var any = false;
        lock (_gate)
            foreach (var item in items)
            {
                any = true;
                if (item.Entry.IsTerminal)
                    _open.Remove(item.Entry.RecordId);
                else
                    _open[item.Entry.RecordId] = item;
            }
        // Wakes the uploader only when something changed.
        if (any && _signal.CurrentCount == 0)
            _signal.Release();
    }

    /// <summary>Replaces a queued record that was never attempted with a newer version of it (its source and, when
    /// given, its new entry state); false when there is none or its upload began (the platform keeps the first
    /// copy of a record id, so a version after that is not sent). Atomic with <see cref="StartRound"/>.</summary>
    public bool TryRevise(string recordId, Func<OutboxItem, OutboxItem?> revise, out OutboxItem? revised)
    {
        revised = null;
        lock (_gate)
        {
            if (!_open.TryGetValue(recordId, out var current) || current.Entry.Attempts > 0
                || current.Entry.State is not (Outbox.UploadState.Pending or Outbox.UploadState.Held))
                return false;
            revised = revise(current);
            if (revised is not null)
                _open[recordId] = revised;
        }
        if (_signal.CurrentCount == 0)
            _signal.Release();
        return true;
    }

    /// <summary>Starts the planned records from their current queued copy (a version revised since the plan was
    /// made goes out, not the planned one); records no longer ready are left out.</summary>
    public List<OutboxItem> StartRound(IEnumerable<string> recordIds, DateTimeOffset now, Func<OutboxItem, OutboxItem> start)
    {
        var started = new List<OutboxItem>();
        lock (_gate)
            foreach (var id in recordIds)
                if (_open.TryGetValue(id, out var current) && current.Entry.IsReady(now))
                {
                    var next = start(current);
                    _open[id] = next;
                    started.Add(next);
                }
        return started;
    }

    public List<OutboxItem> Snapshot()
    {
        lock (_gate) return [.. _open.Values];
    }

    /// <summary>Waits until something is added or the time is up.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);
}
