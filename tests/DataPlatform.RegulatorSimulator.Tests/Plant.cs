using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Testing;
using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>A Tangshan steel plant talking to its regulator: identity, profiles and real-looking records.</summary>
internal static class Plant
{
    public const string EntCode = TangshanPlant.EntCode;
    public const string AppId = TangshanPlant.AppId;

    public static readonly EnvelopeIdentity Identity = new(AppId, EntCode);

    public static CompiledProfile Baseline => TangshanPlant.Baseline;

    public static CompiledProfile Hebei => TangshanPlant.Hebei;

    public static RegulatorSimulatorOptions Options(FaultPlan? faults = null, string dataDirectory = "") => new()
    {
        EnterpriseCode = EntCode,
        AppId = AppId,
        EnterprisePublicKeyPem = TestKeys.Enterprise.PublicPem,
        PlatformPrivateKeyPem = TestKeys.Platform.PrivatePem,
        DataDirectory = dataDirectory,
        FaultPlan = faults ?? FaultPlan.None,
    };

    /// <summary>A 1×1 JPEG-ish payload: the platform only checks that it is Base64.</summary>
    public const string TinyImage = "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";

    public static PassageRecord Passage(string localId, DateTimeOffset passTime) =>
        TangshanPlant.Passage(localId, passTime, cargoWeightT: 31.4m);

    public static VehicleRegisterRecord VehicleRegister(string localId) => new()
    {
        RecordId = RecordIds.Create(EntCode, RecordKind.VehicleRegister, localId),
        PlateNo = "冀B12345",
        PlateColor = PlateColor.Yellow,
        VehicleType = VehicleType.Parse("Q11"),
        Vin = "LFWSRXRJ8M1F12345",
        RegisterDate = new DateOnly(2021, 6, 18),
        Model = "CA4250P66K24T1E5",
        EngineModel = "CA6DM3-46E65",
        EngineMaker = "一汽解放",
        EngineNo = "51652739",
        FuelType = FuelType.Diesel,
        EmissionStage = EmissionStage.Guo6b,
        UseNature = UseNature.Freight,
        ObdOnline = true,
        LicenseImage = "sha256:lic01",
        FleetName = "顺达运输",
    };

    public static InPlantVehicleRecord InPlant(string localId) => new()
    {
        RecordId = RecordIds.Create(EntCode, RecordKind.InPlantVehicleRegister, localId),
        EnvRegCode = "HB-TS-IP-0042",
        Vin = "LZZ5BLSF8KN123456",
        ProductionDate = new DateOnly(2022, 3, 1),
        RegisterDate = new DateOnly(2022, 4, 1),
        Model = "ZZ4257V3247E1",
        EngineModel = "MC11.44-60",
        EngineMaker = "中国重汽",
        EngineNo = "2201234567",
        FuelType = FuelType.Electric,
        EmissionStage = EmissionStage.Electric,
        EnvListImage = "sha256:envlist02",
        Owner = "唐山钢铁集团",
    };

    public static NonRoadMachineRecord NonRoad(string localId) => new()
    {
        RecordId = RecordIds.Create(EntCode, RecordKind.NonRoadRegister, localId),
        EnvRegCode = "HB-TS-NR-0007",
        ProductionDate = new DateOnly(2020, 8, 1),
        EmissionStage = EmissionStage.Guo4,
        FuelType = FuelType.Diesel,
        MachineryKind = NonRoadMachineryKind.Loader,
        Pin = "LGC0950CJL0012345",
        Model = "ZL50GN",
        EngineModel = "WD10G220E23",
        EngineMaker = "潍柴",
        EngineNo = "1620A012345",
        NameplateImage = "sha256:np01",
        EngineNameplateImage = "sha256:enp01",
        EnvLabelImage = "sha256:label01",
        Owner = "唐山钢铁集团",
    };
}
