using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>厂内运输车辆 register (spec §1.2).</summary>
public sealed record InPlantVehicleRecord : IUploadRecord
{
    public required string RecordId { get; init; }

    /// <summary>环保登记编码 or the internal plate.</summary>
    public required string EnvRegCode { get; init; }

    public string? Vin { get; init; }
    public DateOnly? ProductionDate { get; init; }
    public string? PlateNo { get; init; }
    public DateOnly? RegisterDate { get; init; }
    public string? Model { get; init; }
    public string? EngineModel { get; init; }
    public string? EngineMaker { get; init; }
    public string? EngineNo { get; init; }
    public FuelType? FuelType { get; init; }
    public EmissionStage? EmissionStage { get; init; }
    public string? EnvListImage { get; init; }
    public string? LicenseImage { get; init; }

    /// <summary>车辆所有人（单位）.</summary>
    public string? Owner { get; init; }

    public RecordKind Kind => RecordKind.InPlantVehicleRegister;

    public bool Has(string fieldId) => fieldId switch
    {
        FieldIds.RecordId => PassageRecord.Present(RecordId),
        FieldIds.EnvRegCode => PassageRecord.Present(EnvRegCode),
        FieldIds.Vin => PassageRecord.Present(Vin),
        FieldIds.ProductionDate => ProductionDate is not null,
        FieldIds.PlateNo => PassageRecord.Present(PlateNo),
        FieldIds.RegisterDate => RegisterDate is not null,
        FieldIds.Model => PassageRecord.Present(Model),
        FieldIds.EngineModel => PassageRecord.Present(EngineModel),
        FieldIds.EngineMaker => PassageRecord.Present(EngineMaker),
        FieldIds.EngineNo => PassageRecord.Present(EngineNo),
        FieldIds.FuelType => FuelType is not null,
        FieldIds.EmissionStage => EmissionStage is not null,
        FieldIds.EnvListImage => PassageRecord.Present(EnvListImage),
        FieldIds.LicenseImage => PassageRecord.Present(LicenseImage),
        FieldIds.Owner => PassageRecord.Present(Owner),
        _ => false,
    };
}
