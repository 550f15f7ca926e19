using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>The register of a transport vehicle (its §1.1 documents), uploaded once per vehicle and on change.</summary>
public sealed record VehicleRegisterRecord : IUploadRecord
{
    public required string RecordId { get; init; }
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
    public bool? ObdOnline { get; init; }
    public string? EnvListImage { get; init; }
    public string? LicenseImage { get; init; }
    public string? FleetName { get; init; }

    public RecordKind Kind => RecordKind.VehicleRegister;

    public bool Has(string fieldId) => fieldId switch
    {
        FieldIds.RecordId => PassageRecord.Present(RecordId),
        FieldIds.PlateNo => PassageRecord.Present(PlateNo),
        FieldIds.PlateColor => Enum.IsDefined(PlateColor) && PlateColor != PlateColor.Unknown,
        FieldIds.VehicleType => VehicleType is { Code.Length: > 0 },
        FieldIds.Vin => PassageRecord.Present(Vin),
        FieldIds.RegisterDate => RegisterDate is not null,
        FieldIds.Model => PassageRecord.Present(Model),
        FieldIds.EngineModel => PassageRecord.Present(EngineModel),
        FieldIds.EngineMaker => PassageRecord.Present(EngineMaker),
        FieldIds.EngineNo => PassageRecord.Present(EngineNo),
        FieldIds.FuelType => FuelType is not null,
        FieldIds.EmissionStage => EmissionStage is not null,
        FieldIds.UseNature => UseNature is not null,
        FieldIds.ObdOnline => ObdOnline is not null,
        FieldIds.EnvListImage => PassageRecord.Present(EnvListImage),
        FieldIds.LicenseImage => PassageRecord.Present(LicenseImage),
        FieldIds.FleetName => PassageRecord.Present(FleetName),
        _ => false,
    };
}
