using System.Collections.Immutable;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Processing.Commands;

/// <summary>
/// The live policy state of this process. Decisions read <see cref="Current"/> (one reference read, no lock);
/// the command consumer folds commands in with <see cref="Apply"/> and persists the result with
/// <see cref="Save"/>. On construction the last snapshot is loaded, so the gate decides with the last
/// known policies before — or without — re-reading <c>control.commands</c>.
/// </summary>
public sealed class PolicyStore : IVehicleRegistrySource
{
    private readonly Lock _gate = new();
    private readonly VehicleRegistry _seed;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private PolicyState _state;
    private long _savedVersion = -1;
    private ImmutableDictionary<int, long> _savedOffsets = ImmutableDictionary<int, long>.Empty;

    /// <remarks>
    /// <para><paramref name="snapshotPath"/>: Where the state is persisted; null keeps it in memory only.</para>
    /// <para><paramref name="seed"/>: Vehicles from configuration (<c>Processing:Vehicles</c>).</para>
    /// </remarks>
    public PolicyStore(string? snapshotPath, VehicleRegistry seed, ILogger logger, TimeProvider? time = null)
    {
        SnapshotPath = snapshotPath;
        _seed = seed;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _state = Load() ?? PolicyState.Initial(seed);
    }

    public string? SnapshotPath { get; }

    /// <summary>Whether the state came from a snapshot file (false: the seed alone, replaying from the start).</summary>
    public bool RestoredFromSnapshot { get; private set; }

    public PolicyState Current => Volatile.Read(ref _state);

    /// <summary>The vehicle registry in force (the seed, the register, <c>vehicle.register</c> commands).</summary>
    public VehicleRegistry Registry => Current.Registry;

    /// <summary>Raised after every change, outside the lock; tests and metrics listen.</summary>
    public event Action<PolicyState>? Changed;

    /// <summary>Folds a command into the state (not tied to a position in the command log: tests, tools).</summary>
    public ControlApplyResult Apply(ControlCommand command) => ApplyAt(command, null)!;

    /// <summary>Folds the command read at <paramref name="position"/> (null: a message that was dead-lettered) and
    /// records the position in the same step, so state and offsets never disagree: a consumer that restarts
    /// resumes exactly after the last command it folded in.</summary>
    public ControlApplyResult? ApplyAt(ControlCommand? command, CommandLogPosition? position)
    {
        ControlApplyResult? result = null;
        PolicyState next;
        lock (_gate)
        {
            var state = _state;
            next = state;
            if (command is not null)
            {
                (next, var changed, var message) = Fold(state, command);
                if (changed) next = next with { Version = state.Version + 1 };
                result = new ControlApplyResult(changed, message, next.Version);
            }
            if (position is { } p)
                next = next with { Offsets = next.Offsets.SetItem(p.Partition, p.Next), Markers = next.Markers.SetItem(p.Partition, p.Marker) };
            Volatile.Write(ref _state, next);
        }
        if (result is { Changed: true }) Changed?.Invoke(next);
        return result;
    }

    /// <summary>Writes the snapshot now if it differs from the last one written. A failed write is logged, not
    /// thrown: deciding goes on with the state in memory.</summary>
    public void Save()
    {
        lock (_gate)
        {
            var state = _state;
            if (SnapshotPath is null || (state.Version == _savedVersion && OffsetsEqual(state.Offsets, _savedOffsets)))
                return;
            try
            {
                PolicySnapshotFile.Write(SnapshotPath, state, _time.GetUtcNow());
                _savedVersion = state.Version;
                _savedOffsets = state.Offsets;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogError(ex, "管控策略快照写入失败 ({Path})；继续使用内存中的策略", SnapshotPath);
            }
        }
    }

    private static (PolicyState Next, bool Changed, string Message) Fold(PolicyState state, ControlCommand command)
    {
        switch (command)
        {
            case PolicyControlCommand p:
                var result = state.Policies.Apply(p.Command);
                return (result.Changed ? state with { Policies = result.Policies } : state, result.Changed, result.Message);
            case RegisterVehicleCommand r:
                var vehicle = r.Vehicle;
                if (state.Learnt.TryGetValue(vehicle.Key, out var known) && known == vehicle)
                    return (state, false, $"车辆 {vehicle.Key} 已登记，信息未变");
                return (state with { Learnt = state.Learnt.SetItem(vehicle.Key, vehicle), Registry = state.Registry.With(vehicle) },
                    true, $"已登记车辆 {vehicle.Key}：{vehicle.Stage.ChineseName}");
            default:
                return (state, false, $"未知的指令类型 {command.GetType().Name}");
        }
    }

    private PolicyState? Load()
    {
        if (SnapshotPath is null) return null;
        try
        {
            if (PolicySnapshotFile.Read(SnapshotPath) is not { } snapshot) return null;
            var state = PolicyState.Initial(_seed);
            foreach (var command in snapshot.Commands)
                state = Fold(state, command).Next;
            state = state with
            {
                Version = snapshot.Version,
                Offsets = snapshot.Offsets.ToImmutableDictionary(),
                Markers = snapshot.Markers.ToImmutableDictionary(),
            };
            _savedVersion = state.Version;
            _savedOffsets = state.Offsets;
            RestoredFromSnapshot = true;
            _logger.LogInformation("已从快照恢复管控策略 (版本 {Version}, {Path})", state.Version, SnapshotPath);
            return state;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Keep the bad file for inspection and rebuild from the command topic instead of refusing to start.
            var aside = SnapshotPath + ".unreadable-" + _time.GetUtcNow().ToUnixTimeSeconds();
            try { File.Move(SnapshotPath, aside, overwrite: true); } catch (IOException) { }
            _logger.LogError(ex, "管控策略快照无法读取，已另存为 {Aside}；将从指令主题重建", aside);
            return null;
        }
    }

    private static bool OffsetsEqual(ImmutableDictionary<int, long> a, ImmutableDictionary<int, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
