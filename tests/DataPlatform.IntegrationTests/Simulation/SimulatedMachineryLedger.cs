using DataPlatform.Simulation;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Simulation;

/// <summary>What a simulated machinery day must leave in the ledger once its pushes are in.</summary>
public static class SimulatedMachineryLedger
{
    /// <summary>In-plant vehicles and machinery, by kind: movements, registered sightings, unregistered ones (with the
    /// alarm, one per machine).</summary>
    public static async Task AssertLandedAsync(TestPlatform platform, SimulatedMachineryDay day)
    {
        Assert.Equal(day.InPlantMovements, await platform.WaitForAsync("SELECT count() FROM in_plant_movements FINAL", day.InPlantMovements));
        Assert.Equal(day.RegisteredMachineSightings, await platform.WaitForAsync(
            "SELECT count() FROM non_road_sightings FINAL WHERE registered = 1", day.RegisteredMachineSightings));
        Assert.Equal(day.UnregisteredSightings, await platform.WaitForAsync(
            "SELECT count() FROM non_road_sightings FINAL WHERE registered = 0", day.UnregisteredSightings));
        Assert.Equal(day.UnregisteredMachines, await platform.WaitForAsync(
            "SELECT uniqExact(subject) FROM alarms WHERE rule_id LIKE 'unregistered-%-seen'", day.UnregisteredMachines));
    }
}
