using System.Collections.Immutable;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate.Registers;
using DataPlatform.Processing.Registers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Registers;

/// <summary>The reconciliation's choice of what to re-publish (pure): exactly the newest version per vehicle that the
/// gate's registry does not hold as it is, so a second pass after the first was folded publishes nothing.</summary>
public sealed class RegistryGapProperties
{
    private static readonly Gen<RegistryGap.Version> Version =
        from plate in Gen.Elements("冀B12345", "冀BN0001", "冀BJ2201")
        from stage in Gen.Elements("2", "3", "5")
        from owner in Gen.Elements("本厂", "某租赁公司")
        from kind in Gen.Elements(RegisterKind.InPlant, RegisterKind.NonRoad)
        let fields = new Dictionary<string, string>
        {
            ["plateNo"] = plate, ["plateColor"] = "yellow", ["fuel"] = "B", ["stage"] = stage, ["owner"] = owner, ["machineryKind"] = "excavator",
        }
        select new RegistryGap.Version(Guid.NewGuid(), "E1", RegisterVehicles.ToVehicle(kind, fields)!);

    [Property(MaxTest = 500)]
    public Property Publishing_the_gap_closes_it_and_never_repeats_what_the_gate_holds() =>
        Prop.ForAll(Gen.ListOf(Version).ToArbitrary(), Gen.ListOf(Version).ToArbitrary(), (latest, held) =>
        {
            var known = held.Aggregate(ImmutableDictionary<VehicleKey, RegisteredVehicle>.Empty, (k, v) => k.SetItem(v.Vehicle.Key, v.Vehicle));
            var missing = RegistryGap.Missing(latest, known);
            var newest = latest.GroupBy(v => v.Vehicle.Key).ToDictionary(g => g.Key, g => g.Last());
            var folded = missing.Aggregate(known, (k, v) => k.SetItem(v.Vehicle.Key, v.Vehicle));
            return missing.All(v => newest[v.Vehicle.Key] == v && (!known.TryGetValue(v.Vehicle.Key, out var h) || h != v.Vehicle))
                   && newest.Values.All(v => missing.Contains(v) || known[v.Vehicle.Key] == v.Vehicle)
                   && RegistryGap.Missing(latest, folded).Count == 0;
        });
}
