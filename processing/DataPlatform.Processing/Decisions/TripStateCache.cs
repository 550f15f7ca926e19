using System.Collections.Concurrent;
using DataPlatform.Compliance.Decisions;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Decisions;

/// <summary>
/// What the exit gate knows of the trips in progress: per vehicle, its last entry and the weighings since. Loaded
/// from the ledger (passages and weighings, by whichever instance wrote them) by <see cref="TripStateRefresher"/>,
/// and updated at once from the entries and exits this instance decides, so an exit right after an entry at another
/// lane of this instance is known before the ledger has it. When ClickHouse is unreachable the last state stays:
/// the gate decides with what it last knew. Memory is bounded: trips older than the refresher's window are not
/// loaded, and beyond <see cref="DecisionOptions.MaxOpenTrips"/> the oldest entries are dropped (their exits go to a
/// manual check, never a silent allow).
/// </summary>
public sealed class TripStateCache(TimeProvider time, IOptions<DecisionOptions> options)
{
    // A locally decided entry or exit overrides a loaded state for this long: the ledger catches up within seconds.
    private static readonly TimeSpan LocalGrace = TimeSpan.FromMinutes(2);

    private readonly object _gate = new();
    private Dictionary<(string, VehicleKey), OpenTrip> _open = [];
    private readonly ConcurrentDictionary<(string, VehicleKey), LocalEvent> _local = new();

    public int OpenTrips { get { lock (_gate) return _open.Count; } }

    /// <summary>The trip state an exit of <paramref name="e"/> is decided with (pure data for the decider).</summary>
    public TripState StateFor(GateEvent e, PolicySet policies)
    {
        var key = (e.EnterpriseId, new VehicleKey(e.Plate, e.PlateColor));
        OpenTrip? trip;
        lock (_gate) trip = _open.GetValueOrDefault(key);
        if (trip is null || trip.EnteredAt > e.PassTime)
            return TripStates.For(null, [], policies.ActiveBookings(e.EnterpriseId, key.Item2, e.PassTime), options.Value.ExitWeighingsRequired);
        return TripStates.For(trip.EnteredAt, trip.Weighings, policies.ActiveBookings(e.EnterpriseId, key.Item2, trip.EnteredAt),
            options.Value.ExitWeighingsRequired);
    }

    /// <summary>An entry this instance let in (or sent to the guard).</summary>
    public void RecordEntry(GateEvent e)
    {
        var key = (e.EnterpriseId, new VehicleKey(e.Plate, e.PlateColor));
        _local[key] = new LocalEvent(Direction.In, e.PassTime, time.GetUtcNow());
        lock (_gate)
        {
            if (_open.TryGetValue(key, out var existing) && existing.EnteredAt >= e.PassTime) return;
            _open[key] = new OpenTrip(e.PassTime, []);
            Bound();
        }
    }

    /// <summary>An exit this instance let out: the trip is over.</summary>
    public void RecordExit(GateEvent e)
    {
        var key = (e.EnterpriseId, new VehicleKey(e.Plate, e.PlateColor));
        _local[key] = new LocalEvent(Direction.Out, e.PassTime, time.GetUtcNow());
        lock (_gate)
            if (_open.TryGetValue(key, out var trip) && trip.EnteredAt <= e.PassTime)
                _open.Remove(key);
    }

    /// <summary>Replaces the state with what the ledger holds, keeping recent local events the ledger may not have yet.</summary>
    public void Replace(Dictionary<(string, VehicleKey), OpenTrip> loaded)
    {
        var now = time.GetUtcNow();
        foreach (var (key, local) in _local)
        {
            if (now - local.DecidedAt > LocalGrace)
            {
                _local.TryRemove(key, out _);
                continue;
            }
            var stored = loaded.GetValueOrDefault(key);
            if (local.Direction == Direction.In && (stored is null || stored.EnteredAt < local.PassTime))
                loaded[key] = new OpenTrip(local.PassTime, []);
            else if (local.Direction == Direction.Out && stored is not null && stored.EnteredAt <= local.PassTime)
                loaded.Remove(key);
        }
        lock (_gate)
        {
            _open = loaded;
            Bound();
        }
    }

    private void Bound()
    {
        var max = Math.Max(1, options.Value.MaxOpenTrips);
        if (_open.Count <= max) return;
        foreach (var key in _open.OrderBy(p => p.Value.EnteredAt).Take(_open.Count - max).Select(p => p.Key).ToList())
            _open.Remove(key);
    }

    /// <remarks><paramref name="Weighings"/>: Weighings of the vehicle at or after the entry.</remarks>
    public sealed record OpenTrip(DateTimeOffset EnteredAt, IReadOnlyList<WeighingSeen> Weighings);

    private sealed record LocalEvent(Direction Direction, DateTimeOffset PassTime, DateTimeOffset DecidedAt);
}
