using DataPlatform.Gate;

namespace DataPlatform.Compliance.Vehicles;

/// <summary>One vehicle of the registry snapshot, as learnt from 随车清单, e-tags, the guard booth or the national
/// platform. The VIN is kept as text because the registry must hold what was declared, even when it is wrong;
/// <see cref="VehicleConsistency"/> reports what is wrong with it.</summary>
/// <remarks>
/// <para><paramref name="MachineryKind"/>: Set for non-road mobile machinery (spec §1.3); null for road
/// vehicles.</para>
/// <para><paramref name="Epc"/>: Electronic registration tag (汽车电子标识) id, when the vehicle carries one.</para>
/// </remarks>
public sealed record RegisteredVehicle(
    PlateNumber Plate,
    PlateColor PlateColor,
    string? Vin,
    VehicleType VehicleType,
    FuelType Fuel,
    EmissionStage Stage,
    UseNature UseNature,
    bool ObdOnline,
    string? FleetName,
    VehicleFlags Flags = VehicleFlags.None,
    NonRoadMachineryKind? MachineryKind = null,
    string? Epc = null)
{
    public VehicleKey Key => new(Plate, PlateColor);

    /// <summary>Registered as special-purpose, or of GA 24.4 family Z (专项作业车), which is special by type.</summary>
    public bool IsSpecialPurpose => Flags.HasFlag(VehicleFlags.SpecialPurpose) || VehicleType.Family == 'Z';

    public bool IsLivelihood => Flags.HasFlag(VehicleFlags.Livelihood);

    public bool IsInPlant => Flags.HasFlag(VehicleFlags.InPlant);

    public bool IsNonRoad => MachineryKind is not null;

    /// <summary>使用性质 R 危险品运输.</summary>
    public bool IsHazmat => UseNature.IsHazmat;

    /// <summary>A road vehicle carrying goods: trucks (H), tractors (Q), semi-trailers (B) and full trailers (G);
    /// in-plant vehicles and machinery are governed by their own scopes.</summary>
    public bool IsRoadGoodsVehicle => !IsInPlant && !IsNonRoad && VehicleType.Family is 'H' or 'Q' or 'B' or 'G';
}
