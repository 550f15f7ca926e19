namespace DataPlatform.Gate.Registers;

/// <summary>How one register field is read: its wire name (camelCase), whether the booth must give it, its
/// length limit, and the value kind that decides how it is checked and normalised.</summary>
public sealed record RegisterField(string Name, string ChineseName, RegisterValueKind Kind, int MaxLength = 32, bool Required = false);

/// <summary>What a register value is, for checking and normalising it.</summary>
public enum RegisterValueKind
{
    Text = 1,
    /// <summary>A registration code or PIN: letters, digits, CJK and '-', no '/', whitespace or control characters.</summary>
    Code,
    Date,
    Plate,
    PlateColor,
    Vin,
    VehicleType,
    Fuel,
    Stage,
    MachineryKind,
    UseNature,
    /// <summary>A picture reference (<c>sha256:</c>…), stored by ingest's picture store before the record is read.</summary>
    Picture,
}
