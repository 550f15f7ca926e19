using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>非道路移动机械 register (spec §1.3).</summary>
public sealed record NonRoadMachineRecord : IUploadRecord
{
    public required string RecordId { get; init; }

    /// <summary>环保登记编码.</summary>
    public required string EnvRegCode { get; init; }

    public DateOnly? ProductionDate { get; init; }
    public string? PlateNo { get; init; }

    /// <summary>国一…国四, or <see cref="EmissionStage.None"/> (X).</summary>
    public EmissionStage? EmissionStage { get; init; }

    public FuelType? FuelType { get; init; }
    public NonRoadMachineryKind? MachineryKind { get; init; }

    /// <summary>PIN / 机械环保代码.</summary>
    public string? Pin { get; init; }

    public string? Model { get; init; }
    public string? EngineModel { get; init; }
    public string? EngineMaker { get; init; }
    public string? EngineNo { get; init; }

    /// <summary>整机铭牌.</summary>
    public string? NameplateImage { get; init; }

    /// <summary>发动机铭牌.</summary>
    public string? EngineNameplateImage { get; init; }

    /// <summary>环保信息标签.</summary>
    public string? EnvLabelImage { get; init; }

    /// <summary>所属人（单位）.</summary>
    public string? Owner { get; init; }

    public RecordKind Kind => RecordKind.NonRoadRegister;

    public bool Has(string fieldId) => fieldId switch
    {
        FieldIds.RecordId => PassageRecord.Present(RecordId),
        FieldIds.EnvRegCode => PassageRecord.Present(EnvRegCode),
        FieldIds.ProductionDate => ProductionDate is not null,
        FieldIds.PlateNo => PassageRecord.Present(PlateNo),
        FieldIds.EmissionStage => EmissionStage is not null,
        FieldIds.FuelType => FuelType is not null,
        FieldIds.MachineryKind => MachineryKind is not null,
        FieldIds.Pin => PassageRecord.Present(Pin),
        FieldIds.Model => PassageRecord.Present(Model),
        FieldIds.EngineModel => PassageRecord.Present(EngineModel),
        FieldIds.EngineMaker => PassageRecord.Present(EngineMaker),
        FieldIds.EngineNo => PassageRecord.Present(EngineNo),
        FieldIds.NameplateImage => PassageRecord.Present(NameplateImage),
        FieldIds.EngineNameplateImage => PassageRecord.Present(EngineNameplateImage),
        FieldIds.EnvLabelImage => PassageRecord.Present(EnvLabelImage),
        FieldIds.Owner => PassageRecord.Present(Owner),
        _ => false,
    };
}
