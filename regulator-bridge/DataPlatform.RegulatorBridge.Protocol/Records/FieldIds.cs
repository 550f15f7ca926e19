namespace DataPlatform.RegulatorBridge.Records;

/// <summary>This platform's field ids for upload payloads and downlink commands: the spec §1 ids where there is
/// one. A profile's <c>FieldNames</c> maps them to the regulator's names; an id not mapped is sent as is.</summary>
public static class FieldIds
{
    // Common to every uploaded record.
    public const string RecordId = "recordId";
    public const string UploadType = "uploadType";

    // 1.1 passages.
    public const string GateId = "entranceId";
    public const string LaneId = "gateId";
    public const string Direction = "direction";
    public const string PassTime = "passTime";
    public const string PlateNo = "plateNo";
    public const string PlateColor = "plateColor";
    public const string VehicleType = "vehicleType";
    public const string Vin = "vin";
    public const string RegisterDate = "registerDate";
    public const string Model = "model";
    public const string EngineModel = "engineModel";
    public const string EngineMaker = "engineMaker";
    public const string EngineNo = "engineNo";
    public const string FuelType = "fuelType";
    public const string EmissionStage = "emissionStage";
    public const string UseNature = "useNature";
    public const string ObdOnline = "obdOnline";
    public const string FrontPhoto = "frontPhoto";
    public const string BodyPhoto = "bodyPhoto";
    public const string PlatePhoto = "platePhoto";
    public const string EnvListImage = "envListImage";
    public const string LicenseImage = "licenseImage";
    public const string CargoName = "cargoName";
    public const string CargoWeightT = "cargoWeightT";
    public const string FleetName = "fleetName";

    // 1.2 / 1.3 registers.
    public const string EnvRegCode = "envRegCode";
    public const string ProductionDate = "productionDate";
    public const string Owner = "owner";
    public const string MachineryKind = "machineryKind";
    public const string Pin = "pin";
    public const string NameplateImage = "nameplateImage";
    public const string EngineNameplateImage = "engineNameplateImage";
    public const string EnvLabelImage = "envLabelImage";

    // Image upload.
    public const string ImageKind = "imageKind";
    public const string ImageData = "imageData";
    public const string FileId = "fileId";

    // Heartbeat.
    public const string HeartbeatTime = "heartbeatTime";
    public const string Devices = "devices";
    public const string DeviceId = "deviceId";
    public const string DeviceKind = "deviceKind";
    public const string Online = "online";
    public const string LastSeen = "lastSeen";
    public const string StatusText = "statusText";

    // Downlink.
    public const string CommandId = "commandId";
    public const string CommandType = "commandType";
    public const string Items = "items";
    public const string EnterpriseId = "entCode";
    public const string Reason = "reason";
    public const string ListedAt = "listTime";
    public const string RemovedAt = "removeTime";
    public const string StartTime = "startTime";
    public const string EndTime = "endTime";
    public const string WarningLevel = "warningLevel";
    public const string ResponseLevel = "responseLevel";
    public const string RuleText = "rule";

    // Command receipts.
    public const string ReceiptStatus = "status";
    public const string ReceiptTime = "receiptTime";

    /// <summary>Fields that hold a picture (a base64 string or a file id on the wire).</summary>
    public static readonly IReadOnlySet<string> Images = new HashSet<string>(StringComparer.Ordinal)
    {
        FrontPhoto, BodyPhoto, PlatePhoto, EnvListImage, LicenseImage, NameplateImage, EngineNameplateImage, EnvLabelImage,
    };

    /// <summary>Every id above, for validating a profile's field-name map.</summary>
    public static readonly IReadOnlyList<string> All = typeof(FieldIds)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
