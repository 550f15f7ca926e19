using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>One vehicle of a simulated plant's fleet: what a vehicle register would be seeded with. The gate
/// event carries only plate, colour and type; stage, fuel, use nature and carrier live here.</summary>
/// <remarks>
/// <para><paramref name="PlateColor"/>: The generic JSON's colour word (yellow, blue, yellowgreen).</para>
/// <para><paramref name="Carrier"/>: 车队 name (HJ 1321 fleetName).</para>
/// </remarks>
public sealed record SimulatedVehicle(
    string Plate,
    string PlateColor,
    string VehicleType,
    EmissionStage Stage,
    FuelType Fuel,
    UseNature UseNature,
    string Carrier,
    string Vin,
    decimal TareKg,
    decimal PayloadKg)
{
    public bool IsHazmat => UseNature == UseNature.DangerousGoods;

    public bool IsNewEnergy => Stage == EmissionStage.Electric || Fuel == FuelType.Hybrid;

    /// <summary>The EPC of the e-tag registered to the vehicle, when it carries one.</summary>
    public string? Epc { get; init; }

    /// <summary>A smoking diesel truck: the opacity meter reads it above the limit.</summary>
    public bool HighEmitter { get; init; }

    /// <summary>Diesel goods vehicles are what a gate's smoke-opacity meter measures.</summary>
    public bool Smokes => Fuel == FuelType.Diesel && CarriesGoods;

    /// <summary>Buses and cars pass the gate but never the weighbridge.</summary>
    public bool CarriesGoods => VehicleType[0] is 'H' or 'Q';
}
