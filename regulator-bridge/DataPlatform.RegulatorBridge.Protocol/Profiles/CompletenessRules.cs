namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>Which fields a record needs to count as complete (spec §5 completeness rate), per record kind, as
/// comma-separated field ids (see <c>FieldIds</c>); <c>a|b</c> means "at least one of". Strings rather than lists
/// because the configuration binder appends to a pre-filled list. Empty: the built-in default.</summary>
public sealed class CompletenessRules
{
    public string Passage { get; set; } = "";
    public string VehicleRegister { get; set; } = "";
    public string InPlantVehicleRegister { get; set; } = "";
    public string NonRoadRegister { get; set; } = "";

    public string For(RecordKind kind) => kind switch
    {
        RecordKind.Passage => Passage,
        RecordKind.VehicleRegister => VehicleRegister,
        RecordKind.InPlantVehicleRegister => InPlantVehicleRegister,
        RecordKind.NonRoadRegister => NonRoadRegister,
        _ => "",
    };

    public CompletenessRules Clone() => (CompletenessRules)MemberwiseClone();
}
