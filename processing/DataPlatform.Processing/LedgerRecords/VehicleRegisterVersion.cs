using DataPlatform.Gate.Registers;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>One stored version of a road-vehicle or in-plant register record that carries a plate: what a passage
/// of that plate is enriched with (spec §1.1 vehicle fields).</summary>
/// <remarks><paramref name="ChangedAt"/>: When the version was registered (UTC).</remarks>
public sealed record VehicleRegisterVersion(
    Guid RowId,
    RegisterKind Kind,
    string EnterpriseId,
    string PlateNo,
    string PlateColor,
    uint Version,
    DateTime ChangedAt,
    IReadOnlyDictionary<string, string> Fields);
