namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>The envelope's method name per record kind. Empty: the platform has no such call (e.g. no separate
/// image upload, or no command poll because commands are pushed).</summary>
public sealed class ProfileMethods
{
    public string Passage { get; set; } = "";
    public string VehicleRegister { get; set; } = "";
    public string InPlantVehicleRegister { get; set; } = "";
    public string NonRoadRegister { get; set; } = "";
    public string Image { get; set; } = "";
    public string Heartbeat { get; set; } = "";
    public string CommandPoll { get; set; } = "";
    public string CommandReceipt { get; set; } = "";

    public string For(RecordKind kind) => kind switch
    {
        RecordKind.Passage => Passage,
        RecordKind.VehicleRegister => VehicleRegister,
        RecordKind.InPlantVehicleRegister => InPlantVehicleRegister,
        RecordKind.NonRoadRegister => NonRoadRegister,
        RecordKind.Image => Image,
        RecordKind.Heartbeat => Heartbeat,
        RecordKind.CommandPoll => CommandPoll,
        RecordKind.CommandReceipt => CommandReceipt,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a record kind"),
    };

    public ProfileMethods Clone() => (ProfileMethods)MemberwiseClone();
}
