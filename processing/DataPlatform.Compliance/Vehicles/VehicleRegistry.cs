using System.Collections.Immutable;
using DataPlatform.Compliance.Plates;
using DataPlatform.Gate;

namespace DataPlatform.Compliance.Vehicles;

/// <summary>An immutable snapshot of the known vehicles, looked up by plate + colour, by plate text alone, by
/// e-tag (EPC) and by confusable skeleton (for plate reconciliation). Updates return a new snapshot, so a gate
/// decision always sees one consistent registry.</summary>
public sealed class VehicleRegistry
{
    private readonly ImmutableDictionary<VehicleKey, RegisteredVehicle> _byKey;
    private readonly ImmutableDictionary<string, ImmutableList<VehicleKey>> _byPlateText;
    private readonly ImmutableDictionary<string, ImmutableList<VehicleKey>> _bySkeleton;
    private readonly ImmutableDictionary<string, VehicleKey> _byEpc;

    private VehicleRegistry(
        ImmutableDictionary<VehicleKey, RegisteredVehicle> byKey,
        ImmutableDictionary<string, ImmutableList<VehicleKey>> byPlateText,
        ImmutableDictionary<string, ImmutableList<VehicleKey>> bySkeleton,
        ImmutableDictionary<string, VehicleKey> byEpc)
    {
        _byKey = byKey;
        _byPlateText = byPlateText;
        _bySkeleton = bySkeleton;
        _byEpc = byEpc;
    }

    public static VehicleRegistry Empty { get; } = new(
        ImmutableDictionary<VehicleKey, RegisteredVehicle>.Empty,
        ImmutableDictionary.Create<string, ImmutableList<VehicleKey>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableList<VehicleKey>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, VehicleKey>(StringComparer.Ordinal));

    /// <summary>A snapshot of <paramref name="vehicles"/>.</summary>
    /// <exception cref="ArgumentException">two vehicles share a plate + colour or an EPC: a snapshot that silently
    /// kept one of them would make the gate judge the wrong truck.</exception>
    public static VehicleRegistry Create(IEnumerable<RegisteredVehicle> vehicles)
    {
        var registry = Empty;
        foreach (var vehicle in vehicles)
        {
            if (registry._byKey.ContainsKey(vehicle.Key))
                throw new ArgumentException($"vehicle {vehicle.Key} is listed twice", nameof(vehicles));
            if (vehicle.Epc is { } epc && registry._byEpc.ContainsKey(epc))
                throw new ArgumentException($"EPC {epc} is listed twice", nameof(vehicles));
            registry = registry.With(vehicle);
        }
        return registry;
    }

    public int Count => _byKey.Count;

    /// <summary>All vehicles, ordered by plate text then colour (stable for tests and exports).</summary>
    public IEnumerable<RegisteredVehicle> Vehicles =>
        _byKey.Values.OrderBy(v => v.Plate.Text, StringComparer.Ordinal).ThenBy(v => v.PlateColor);

    public RegisteredVehicle? Find(VehicleKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>Exact plate + colour; when the camera's colour is 未确定 (or the registry's), the plate text alone
    /// decides, but only if exactly one registered vehicle carries it.</summary>
    public RegisteredVehicle? Find(PlateNumber plate, PlateColor color)
    {
        if (_byKey.TryGetValue(new VehicleKey(plate, color), out var exact))
            return exact;
        var sameText = FindByPlate(plate.Text);
        var loose = sameText.Where(v => v.Key.MatchesLoosely(plate, color)).ToList();
        return loose.Count == 1 ? loose[0] : null;
    }

    /// <summary>Every colour registered under this plate text.</summary>
    public IReadOnlyList<RegisteredVehicle> FindByPlate(string plateText) =>
        _byPlateText.TryGetValue(plateText, out var keys) ? [.. keys.Select(k => _byKey[k])] : [];

    public RegisteredVehicle? FindByEpc(string epc) =>
        _byEpc.TryGetValue(epc, out var key) ? _byKey[key] : null;

    /// <summary>Registered vehicles whose plate differs from <paramref name="plateText"/> only by confusable
    /// characters (including the plate itself if registered).</summary>
    public IReadOnlyList<RegisteredVehicle> FindConfusable(string plateText) =>
        _bySkeleton.TryGetValue(ConfusableCharacters.Skeleton(plateText), out var keys)
            ? [.. keys.Select(k => _byKey[k])]
            : [];

    /// <summary>Adds or replaces the vehicle with the same plate + colour.</summary>
    public VehicleRegistry With(RegisteredVehicle vehicle)
    {
        var registry = Without(vehicle.Key);
        var key = vehicle.Key;
        return new VehicleRegistry(
            registry._byKey.Add(key, vehicle),
            AddIndex(registry._byPlateText, key.Plate.Text, key),
            AddIndex(registry._bySkeleton, ConfusableCharacters.Skeleton(key.Plate.Text), key),
            vehicle.Epc is { } epc ? registry._byEpc.SetItem(epc, key) : registry._byEpc);
    }

    public VehicleRegistry Without(VehicleKey key)
    {
        if (!_byKey.TryGetValue(key, out var old))
            return this;
        return new VehicleRegistry(
            _byKey.Remove(key),
            RemoveIndex(_byPlateText, key.Plate.Text, key),
            RemoveIndex(_bySkeleton, ConfusableCharacters.Skeleton(key.Plate.Text), key),
            old.Epc is { } epc && _byEpc.TryGetValue(epc, out var owner) && owner == key ? _byEpc.Remove(epc) : _byEpc);
    }

    private static ImmutableDictionary<string, ImmutableList<VehicleKey>> AddIndex(
        ImmutableDictionary<string, ImmutableList<VehicleKey>> index, string text, VehicleKey key) =>
        index.SetItem(text, index.TryGetValue(text, out var list) ? list.Add(key) : [key]);

    private static ImmutableDictionary<string, ImmutableList<VehicleKey>> RemoveIndex(
        ImmutableDictionary<string, ImmutableList<VehicleKey>> index, string text, VehicleKey key)
    {
        if (!index.TryGetValue(text, out var list))
            return index;
        var rest = list.Remove(key);
        return rest.IsEmpty ? index.Remove(text) : index.SetItem(text, rest);
    }
}
