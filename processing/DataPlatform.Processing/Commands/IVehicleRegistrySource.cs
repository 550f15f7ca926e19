using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Processing.Commands;

/// <summary>Where the ledger writer's review check (a plate read against the registry: 未登记, confusable plates)
/// takes the vehicle registry from. With gate decisions on it is the decision service's live registry
/// (<see cref="PolicyStore"/>); with them off, <see cref="NoVehicleRegistry"/> — said at start, since every read is then
/// reviewed against an empty registry.</summary>
public interface IVehicleRegistrySource
{
    VehicleRegistry Registry { get; }
}

/// <summary>The registry source of a processing host that runs no gate decisions: empty.</summary>
public sealed class NoVehicleRegistry : IVehicleRegistrySource
{
    public VehicleRegistry Registry => VehicleRegistry.Empty;
}
