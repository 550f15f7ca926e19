using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>The mandatory fields per record kind: [P] every spec §1 field, except the cargo of a passage (an
/// empty truck has none); pictures are 车头/车身/车牌 per passage and at least one of 随车清单 / 行驶证 [C].</summary>
public static class MandatoryFields
{
    public const string DefaultPassage =
        "recordId,entranceId,gateId,direction,passTime,plateNo,plateColor,vehicleType,vin,registerDate,model,engineModel,"
        + "engineMaker,engineNo,fuelType,emissionStage,useNature,obdOnline,fleetName,frontPhoto,bodyPhoto,platePhoto,"
        + "envListImage|licenseImage";

    public const string DefaultVehicleRegister =
        "recordId,plateNo,plateColor,vehicleType,vin,registerDate,model,engineModel,engineMaker,engineNo,fuelType,"
        + "emissionStage,useNature,envListImage|licenseImage";

    public const string DefaultInPlantVehicleRegister =
        "recordId,envRegCode,vin,productionDate,registerDate,model,engineModel,engineMaker,engineNo,fuelType,"
        + "emissionStage,owner,envListImage|licenseImage";

    public const string DefaultNonRoadRegister =
        "recordId,envRegCode,productionDate,emissionStage,fuelType,machineryKind,pin,model,engineModel,engineMaker,"
        + "engineNo,nameplateImage,engineNameplateImage,envLabelImage,owner";

    /// <summary>The rule text of a kind: the profile's when set, else the default.</summary>
    public static string RuleFor(RecordKind kind, CompletenessRules? rules)
    {
        var configured = rules?.For(kind);
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        return kind switch
        {
            RecordKind.Passage => DefaultPassage,
            RecordKind.VehicleRegister => DefaultVehicleRegister,
            RecordKind.InPlantVehicleRegister => DefaultInPlantVehicleRegister,
            RecordKind.NonRoadRegister => DefaultNonRoadRegister,
            _ => "",
        };
    }

    /// <summary>"a,b|c" → [[a], [b, c]]: each group needs at least one of its fields.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string? rule) =>
        string.IsNullOrWhiteSpace(rule)
            ? []
            : rule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(group => (IReadOnlyList<string>)group.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(group => group.Count > 0)
                .ToList();
}
