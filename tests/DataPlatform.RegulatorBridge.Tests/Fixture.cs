using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>Real-looking data of a Tangshan steel plant talking to its regulator.</summary>
internal static class Fixture
{
    public const string EntCode = "E1302001";
    public const string AppId = "TS-GATE-0001";

    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 15, 30, China);

    public static readonly EnvelopeIdentity Enterprise = new(AppId, EntCode);

    /// <summary>The platform signs its own messages under its own app id.</summary>
    public static readonly EnvelopeIdentity Platform = new("HB-PLATFORM", EntCode);

    public static CompiledProfile Baseline { get; } = ProfileRegistry.WithBuiltIns().Get(RegulatorProfiles.BaselineName);

    public static CompiledProfile Hebei { get; } = ProfileRegistry.WithBuiltIns().Get(RegulatorProfiles.HebeiTcpName);

    public static PassageRecord Passage(string localId = "20261128-G01-000123") => new()
    {
        RecordId = RecordIds.Create(EntCode, RecordKind.Passage, localId),
        GateId = "G01",
        LaneId = "L1",
        Direction = Direction.In,
        PassTime = Now.AddSeconds(-5),
        PlateNo = "冀B12345",
        PlateColor = PlateColor.Yellow,
        VehicleType = VehicleType.Parse("H11"),
        Vin = "LFWSRXRJ8M1F12345",
        RegisterDate = new DateOnly(2021, 6, 18),
        Model = "CA4250P66K24T1E5",
        EngineModel = "CA6DM3-46E65",
        EngineMaker = "一汽解放汽车有限公司无锡柴油机厂",
        EngineNo = "51652739",
        FuelType = FuelType.Diesel,
        EmissionStage = EmissionStage.Guo6b,
        UseNature = UseNature.Freight,
        ObdOnline = true,
        Photos = new PassPhotos("sha256:front01", "sha256:body01", "sha256:plate01"),
        EnvListImage = "sha256:envlist01",
        LicenseImage = null,
        CargoName = "焦炭",
        CargoWeightT = 31.46m,
        FleetName = "唐山市丰润区顺达运输有限公司",
    };

    /// <summary>Separate-upload profiles get file ids, inline ones base64; here both are recognisable strings.</summary>
    public static string? Picture(string reference) => "file-" + reference[7..];
}
