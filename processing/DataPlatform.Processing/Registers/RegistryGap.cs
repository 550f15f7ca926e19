using System.Collections.Immutable;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Processing.Registers;

/// <summary>Which register versions the gate's registry lacks (pure).</summary>
public static class RegistryGap
{
    /// <remarks><paramref name="VersionId"/>: The version's row id (= its change id): the command id derives from
    /// it.</remarks>
    public sealed record Version(Guid VersionId, string EnterpriseId, RegisteredVehicle Vehicle);

    /// <summary>Per plate + colour the newest version (last in <paramref name="latest"/>), kept when
    /// <paramref name="known"/> does not hold that exact vehicle; all of them when nothing is known.</summary>
    public static List<Version> Missing(IEnumerable<Version> latest, ImmutableDictionary<VehicleKey, RegisteredVehicle>? known)
    {
        var newest = new Dictionary<VehicleKey, Version>();
        foreach (var v in latest) newest[v.Vehicle.Key] = v;
        return [.. newest.Values.Where(v => known is null || !known.TryGetValue(v.Vehicle.Key, out var held) || held != v.Vehicle)];
    }
}
