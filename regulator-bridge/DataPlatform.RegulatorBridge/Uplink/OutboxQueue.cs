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
        lock (_gate)
            foreach (var item in items)
            {
                if (item.Entry.IsTerminal)
                    _open.Remove(item.Entry.RecordId);
                else
                    _open[item.Entry.RecordId] = item;
            }
        if (_signal.CurrentCount == 0)
            _signal.Release();
    }

    public List<OutboxItem> Snapshot()
    {
        lock (_gate) return [.. _open.Values];
    }

    /// <summary>Waits until something is added or the time is up.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);
}
