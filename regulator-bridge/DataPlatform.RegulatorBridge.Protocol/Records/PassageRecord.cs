using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>进出厂运输车辆, one passage, with every spec §1.1 field. Vehicle fields come from the register and
/// may be missing for an unknown vehicle; the completeness check reports what is.</summary>
public sealed record PassageRecord : IUploadRecord
{
    public required string RecordId { get; init; }

    /// <summary>出入口编号 (this platform's gate id).</summary>
    public required string GateId { get; init; }

    /// <summary>道闸编号 (this platform's lane id).</summary>
    public required string LaneId { get; init; }

    public required Direction Direction { get; init; }

    /// <summary>Uploaded as China time, to the second.</summary>
    public required DateTimeOffset PassTime { get; init; }

    /// <summary>车牌号码, normalised (冀B12345).</summary>
    public required string PlateNo { get; init; }

    public required PlateColor PlateColor { get; init; }

    public VehicleType? VehicleType { get; init; }
    public string? Vin { get; init; }
    public DateOnly? RegisterDate { get; init; }
    public string? Model { get; init; }
    public string? EngineModel { get; init; }
    public string? EngineMaker { get; init; }
    public string? EngineNo { get; init; }
    public FuelType? FuelType { get; init; }
    public EmissionStage? EmissionStage { get; init; }
    public UseNature? UseNature { get; init; }

    /// <summary>联网状态: reports to the heavy-duty remote OBD platform.</summary>
    public bool? ObdOnline { get; init; }

    public PassPhotos Photos { get; init; } = PassPhotos.None;

    /// <summary>随车清单 picture reference.</summary>
    public string? EnvListImage { get; init; }

    /// <summary>行驶证 picture reference.</summary>
    public string? LicenseImage { get; init; }

    public string? CargoName { get; init; }

    /// <summary>运输量 in tonnes, one decimal, ≤ 999.9.</summary>
    public decimal? CargoWeightT { get; init; }

    public string? FleetName { get; init; }

    public RecordKind Kind => RecordKind.Passage;

    public bool Has(string fieldId) => fieldId switch
    {
        FieldIds.RecordId => Present(RecordId),
        FieldIds.GateId => Present(GateId),
        FieldIds.LaneId => Present(LaneId),
        FieldIds.Direction => Enum.IsDefined(Direction),
        FieldIds.PassTime => PassTime != default,
        FieldIds.PlateNo => Present(PlateNo),
        // 未确定 is a value the camera reports, but not a usable record of the colour.
        FieldIds.PlateColor => Enum.IsDefined(PlateColor) && PlateColor != PlateColor.Unknown,
        FieldIds.VehicleType => VehicleType is { Code.Length: > 0 },
        FieldIds.Vin => Present(Vin),
        FieldIds.RegisterDate => RegisterDate is not null,
        FieldIds.Model => Present(Model),
        FieldIds.EngineModel => Present(EngineModel),
        FieldIds.EngineMaker => Present(EngineMaker),
        FieldIds.EngineNo => Present(EngineNo),
        FieldIds.FuelType => FuelType is not null,
        FieldIds.EmissionStage => EmissionStage is not null,
        FieldIds.UseNature => UseNature is not null,
        FieldIds.ObdOnline => ObdOnline is not null,
        FieldIds.FrontPhoto => Present(Photos.Front),
        FieldIds.BodyPhoto => Present(Photos.Body),
        FieldIds.PlatePhoto => Present(Photos.Plate),
        FieldIds.EnvListImage => Present(EnvListImage),
        FieldIds.LicenseImage => Present(LicenseImage),
        FieldIds.CargoName => Present(CargoName),
        FieldIds.CargoWeightT => CargoWeightT is not null,
        FieldIds.FleetName => Present(FleetName),
        _ => false,
    };

    internal static bool Present(string? text) => !string.IsNullOrWhiteSpace(text);
}
