namespace DataPlatform.Compliance.Vehicles;

/// <summary>The codes <see cref="VehicleConsistency"/> reports.</summary>
public static class FindingCodes
{
    public const string VinMissing = "vin_missing";
    public const string VinMalformed = "vin_malformed";
    public const string VinCheckDigit = "vin_check_digit";
    public const string PlateGrammar = "plate_grammar";
    public const string PlateColorKind = "plate_color_kind";
    public const string ElectricStageFuel = "electric_stage_fuel";
    public const string ElectricFuelCombustionStage = "electric_fuel_combustion_stage";
    public const string ElectricFuelNoStage = "electric_fuel_no_stage";
    public const string NoFuelCombustionStage = "no_fuel_combustion_stage";
    public const string RoadVehicleWithoutStage = "road_vehicle_without_stage";
    public const string NevPlateFuel = "nev_plate_fuel";
    public const string ElectricOrdinaryPlate = "electric_ordinary_plate";
}
