namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>A profile's code mappings. The overrides map this platform's upload code (HJ 1321 / GA code, e.g.
/// emission stage "D", fuel "H", vehicle type "H11") to the regulator's; codes not listed pass unchanged. Every
/// mapping must stay one-to-one so a code read back from the platform means one thing; the validator checks it.</summary>
public sealed class CodeMappings
{
    public PlateColorStyle PlateColor { get; set; } = PlateColorStyle.Jtt697Number;
    public Dictionary<string, string> EmissionStage { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> FuelType { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> VehicleType { get; set; } = new(StringComparer.Ordinal);

    public CodeMappings Clone() => new()
    {
        PlateColor = PlateColor,
        EmissionStage = new(EmissionStage, StringComparer.Ordinal),
        FuelType = new(FuelType, StringComparer.Ordinal),
        VehicleType = new(VehicleType, StringComparer.Ordinal),
    };
}
