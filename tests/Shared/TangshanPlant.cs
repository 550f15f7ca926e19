using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Testing;

/// <summary>A Tangshan steel plant talking to its regulator: its identity, the built-in profiles and a real-looking
/// passage. Linked into the bridge's and the simulator's tests (neither references the other's test project), so
/// both speak about the same plant and the same truck.</summary>
internal static class TangshanPlant
{
    public const string EntCode = "E1302001";
    public const string AppId = "TS-GATE-0001";

    public static CompiledProfile Baseline { get; } = ProfileRegistry.WithBuiltIns().Get(RegulatorProfiles.BaselineName);

    public static CompiledProfile Hebei { get; } = ProfileRegistry.WithBuiltIns().Get(RegulatorProfiles.HebeiTcpName);

    /// <summary>A loaded coke truck entering at G01, complete in every field the regulator asks for.</summary>
    public static PassageRecord Passage(string localId, DateTimeOffset passTime, decimal cargoWeightT) => new()
    {
        RecordId = RecordIds.Create(EntCode, RecordKind.Passage, localId),
        GateId = "G01",
        LaneId = "L1",
        Direction = Direction.In,
        PassTime = passTime,
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
        CargoName = "焦炭",
        CargoWeightT = cargoWeightT,
        FleetName = "唐山市丰润区顺达运输有限公司",
    };
}
