namespace DataPlatform.Processing.Commands;

/// <summary>One vehicle of the configuration seed (<c>Processing:Vehicles:0:PlateNo</c> …). The fields and
/// their accepted values are those of the <c>vehicle.register</c> command; the seed is converted through the
/// same reader, so configuration and commands cannot disagree on what a field means.</summary>
public sealed class VehicleSeed
{
    public string? PlateNo { get; set; }
    public string? PlateColor { get; set; }
    public string? Vin { get; set; }
    public string? VehicleType { get; set; }
    public string? Fuel { get; set; }
    public string? Stage { get; set; }
    public string? UseNature { get; set; }
    public bool ObdOnline { get; set; }
    public string? FleetName { get; set; }
    public List<string> Flags { get; set; } = [];
    public string? MachineryKind { get; set; }
    public string? Epc { get; set; }
}
