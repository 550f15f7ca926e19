using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>The shipped profiles. Each property returns a new instance, so binding configuration onto it never
/// changes the built-in. Endpoints are <c>.example</c> placeholders that a deployment must override.</summary>
public static class RegulatorProfiles
{
    public const string BaselineName = "baseline";
    public const string HebeiTcpName = "hebei-tcp";

    /// <summary>Spec §5: HTTPS POST of a JSON envelope signed with RSA2 to one gateway URL, JT/T 697.7 plate
    /// colours, pictures uploaded separately and referenced by file id, commands polled.</summary>
    public static RegulatorProfile Baseline => new()
    {
        Name = BaselineName,
        DisplayName = "HJ 1321 基线接口（HTTPS/JSON/RSA2）",
        Transport = TransportKind.Https,
        Https = new HttpsOptions { BaseUrl = "https://regulator.example/api/gateway" },
        Methods = new ProfileMethods
        {
            Passage = "gate.passage.upload",
            VehicleRegister = "gate.vehicle.register.upload",
            InPlantVehicleRegister = "gate.inplant.register.upload",
            NonRoadRegister = "gate.nonroad.register.upload",
            Image = "gate.image.upload",
            Heartbeat = "gate.heartbeat",
            CommandPoll = "gate.command.poll",
            CommandReceipt = "gate.command.receipt",
        },
        Codes = new CodeMappings { PlateColor = PlateColorStyle.Jtt697Number },
        Pictures = PictureMode.SeparateUpload,
    };

    /// <summary>[P] A Hebei-style platform as such interfaces typically look, not any one city's document: one
    /// persistent TCP connection, one signed JSON envelope per line, heartbeats every 60 s, commands pushed down
    /// the same link; pinyin-initial field names, the alternate plate-colour numbering, compact timestamps and
    /// the 2020 guide's date-time format, pictures inline as base64.</summary>
    public static RegulatorProfile HebeiTcp => new()
    {
        Name = HebeiTcpName,
        DisplayName = "河北式长连接接口（TCP/JSON 行）",
        Transport = TransportKind.TcpJsonLines,
        Tcp = new TcpOptions { Host = "hebei-platform.example", Port = 9100 },
        Methods = new ProfileMethods
        {
            Passage = "UPLOAD_PASSAGE",
            VehicleRegister = "UPLOAD_VEHICLE",
            InPlantVehicleRegister = "UPLOAD_INPLANT_VEHICLE",
            NonRoadRegister = "UPLOAD_NONROAD",
            Heartbeat = "HEARTBEAT",
            CommandReceipt = "COMMAND_RECEIPT",
        },
        Envelope = new Envelope.EnvelopeStyle { TimestampFormat = "yyyyMMddHHmmss" },
        CommandsPushed = true,
        Codes = new CodeMappings { PlateColor = PlateColorStyle.AlternateNumber },
        Pictures = PictureMode.Inline,
        DateTimeFormat = "yyyyMMdd HHmmss",
        DateFormat = "yyyyMMdd",
        FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FieldIds.RecordId] = "jlbh",
            [FieldIds.UploadType] = "sclx",
            [FieldIds.GateId] = "crkbh",
            [FieldIds.LaneId] = "dzbh",
            [FieldIds.Direction] = "jcbz",
            [FieldIds.PassTime] = "jcsj",
            [FieldIds.PlateNo] = "hphm",
            [FieldIds.PlateColor] = "hpys",
            [FieldIds.VehicleType] = "cllx",
            [FieldIds.RegisterDate] = "zcrq",
            [FieldIds.Model] = "clxh",
            [FieldIds.EngineModel] = "fdjxh",
            [FieldIds.EngineMaker] = "fdjsccj",
            [FieldIds.EngineNo] = "fdjh",
            [FieldIds.FuelType] = "rllx",
            [FieldIds.EmissionStage] = "pfjd",
            [FieldIds.UseNature] = "syxz",
            [FieldIds.ObdOnline] = "lwzt",
            [FieldIds.FrontPhoto] = "ctzp",
            [FieldIds.BodyPhoto] = "cszp",
            [FieldIds.PlatePhoto] = "cpzp",
            [FieldIds.EnvListImage] = "sxqd",
            [FieldIds.LicenseImage] = "xsz",
            [FieldIds.CargoName] = "hwmc",
            [FieldIds.CargoWeightT] = "ysl",
            [FieldIds.FleetName] = "cdmc",
        },
    };

    /// <summary>A fresh copy of a built-in profile by name, to bind configuration onto.</summary>
    /// <exception cref="KeyNotFoundException">not a built-in name.</exception>
    public static RegulatorProfile Create(string name) => name.ToLowerInvariant() switch
    {
        BaselineName => Baseline,
        HebeiTcpName => HebeiTcp,
        _ => throw new KeyNotFoundException($"no built-in regulator profile '{name}' (built-in: {BaselineName}, {HebeiTcpName})"),
    };
}
