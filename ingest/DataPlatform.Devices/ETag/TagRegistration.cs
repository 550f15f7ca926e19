using DataPlatform.Gate;

namespace DataPlatform.Devices.ETag;

/// <summary>An e-tag issued to a vehicle: which EPC, which plate, and the register's own vehicle id if any
/// (in-plant vehicles carry an internal number instead of a plate in some plants).</summary>
public sealed record TagRegistration(string Epc, PlateNumber Plate, string? VehicleId);
