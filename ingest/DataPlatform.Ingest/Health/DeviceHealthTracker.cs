namespace DataPlatform.Ingest.Health;

public enum DeviceStatus
{
    /// <summary>Nothing heard yet and the silence window since start has not run out.</summary>
    Unknown,
    Online,
    Offline,
}

/// <summary>What the status list shows for one device.</summary>
public sealed record DeviceHealth(string DeviceId, DeviceStatus Status, DateTimeOffset? LastSeen);

/// <summary>A status change to publish.</summary>
public sealed record DeviceTransition(string DeviceId, DeviceStatus Status, DateTimeOffset At, DateTimeOffset? LastSeen)
{
    /// <summary>Offline because we could not reach it (a failed TCP dial), not because it fell silent.</summary>
    public bool Unreachable { get; init; }
}

/// <summary>
/// Online/offline state of the registered devices, as a pure state machine over (message seen, clock tick):
/// no timers, no I/O, so it can be driven by tests with any clock. The status it reports is computed from the
/// last message time at the moment asked, so it can never say "online" for a device that sent nothing within
/// the silence window, however late the next <see cref="Evaluate"/> comes. <see cref="Evaluate"/> turns the
/// changes since the last call into transitions (one per device at most) for the monitor to publish.
/// </summary>
public sealed class DeviceHealthTracker
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _silence;
    private readonly DateTimeOffset _started;
    private readonly Dictionary<string, (DateTimeOffset? LastSeen, DeviceStatus Published)> _devices = new(StringComparer.Ordinal);

    // Devices known to be unreachable since the time given (a TCP dial failed), until they are seen again.
    private readonly Dictionary<string, DateTimeOffset> _lost = new(StringComparer.Ordinal);

    public DeviceHealthTracker(IEnumerable<string> deviceIds, TimeSpan silence, DateTimeOffset started)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(silence, TimeSpan.Zero);
        _silence = silence;
        _started = started;
        foreach (var id in deviceIds) _devices[id] = (null, DeviceStatus.Unknown);
    }

    public TimeSpan Silence => _silence;

    /// <summary>Records that <paramref name="deviceId"/> sent something (event, heartbeat, any authenticated
    /// push). Unregistered ids are ignored: only registered devices are expected to keep talking.</summary>
    public void Seen(string deviceId, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(deviceId, out var state) && (state.LastSeen is null || at > state.LastSeen))
                _devices[deviceId] = (at, state.Published);
            if (_lost.TryGetValue(deviceId, out var lostAt) && at >= lostAt) _lost.Remove(deviceId);
        }
    }

    /// <summary>Records that <paramref name="deviceId"/> is known to be unreachable (we dialled it and failed):
    /// it is offline from then on, without waiting for the silence window, until it is <see cref="Seen"/> again.</summary>
    public void Lost(string deviceId, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_devices.TryGetValue(deviceId, out var state) && (state.LastSeen is null || at >= state.LastSeen))
                _lost[deviceId] = at;
        }
    }

    /// <summary>The status of each device as of <paramref name="now"/>.</summary>
    public IReadOnlyList<DeviceHealth> Snapshot(DateTimeOffset now)
    {
        lock (_gate)
            return [.. _devices.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DeviceHealth(d.Key, StatusAt(d.Key, d.Value.LastSeen, now), d.Value.LastSeen))];
    }

    /// <summary>Status changes since the previous call, marking them published.</summary>
    public IReadOnlyList<DeviceTransition> Evaluate(DateTimeOffset now)
    {
        var changes = new List<DeviceTransition>();
        lock (_gate)
        {
            foreach (var (id, state) in _devices.ToList())
            {
                var status = StatusAt(id, state.LastSeen, now);
                if (status == state.Published || status == DeviceStatus.Unknown) continue;
                _devices[id] = (state.LastSeen, status);
                changes.Add(new DeviceTransition(id, status, now, state.LastSeen) { Unreachable = _lost.ContainsKey(id) });
            }
        }
        return changes;
    }

    private DeviceStatus StatusAt(string id, DateTimeOffset? lastSeen, DateTimeOffset now)
    {
        if (_lost.ContainsKey(id)) return DeviceStatus.Offline;
        if (lastSeen is { } seen)
            return now - seen <= _silence ? DeviceStatus.Online : DeviceStatus.Offline;
        // Never heard from: offline once a whole window has passed since we started listening.
        return now - _started > _silence ? DeviceStatus.Offline : DeviceStatus.Unknown;
    }
}
