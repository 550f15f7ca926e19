using DataPlatform.Gate.Registers;

namespace DataPlatform.Processing.Registers;

/// <summary>One version of a register record as stored (<c>in_plant_vehicles</c>, <c>non_road_machinery</c>,
/// <c>road_vehicles</c>).</summary>
/// <remarks><paramref name="ChangedAt"/>: UTC, whole milliseconds.</remarks>
public sealed record RegisterRow(
    Guid RowId,
    RegisterKind Kind,
    string EnterpriseId,
    string RegistrationCode,
    uint Version,
    DateTime ChangedAt,
    string Source,
    string OperatorId,
    SortedDictionary<string, string> Fields)
{
    private static readonly string[] Common =
        ["row_id", "enterprise_id", "registration_code", "version", "changed_at", "source", "operator_id", "fields"];

    // Table column → register field; the same field may be absent (empty string stored).
    private static readonly (string Column, string Field)[] InPlant =
    [
        ("plate_no", RegisterFields.PlateNo), ("plate_color", RegisterFields.PlateColor), ("vin", RegisterFields.Vin),
        ("vehicle_type", RegisterFields.VehicleType), ("fuel", RegisterFields.Fuel), ("stage", RegisterFields.Stage),
        ("owner", RegisterFields.Owner),
    ];

    private static readonly (string Column, string Field)[] NonRoad =
    [
        ("plate_no", RegisterFields.PlateNo), ("plate_color", RegisterFields.PlateColor), ("pin", RegisterFields.Pin),
        ("machinery_kind", RegisterFields.MachineryKind), ("fuel", RegisterFields.Fuel), ("stage", RegisterFields.Stage),
        ("owner", RegisterFields.Owner),
    ];

    public static string TableName(RegisterKind kind) => kind switch
    {
        RegisterKind.InPlant => "in_plant_vehicles",
        RegisterKind.NonRoad => "non_road_machinery",
        _ => "road_vehicles",
    };

    private static (string Column, string Field)[] Specific(RegisterKind kind) => kind == RegisterKind.NonRoad ? NonRoad : InPlant;

    public static string[] Columns(RegisterKind kind) => [.. Common, .. Specific(kind).Select(c => c.Column)];

    public object?[] Values() =>
    [
        RowId, EnterpriseId, RegistrationCode, Version, ChangedAt, Source, OperatorId,
        new Dictionary<string, string>(Fields, StringComparer.Ordinal),
        .. Specific(Kind).Select(c => (object?)(Fields.TryGetValue(c.Field, out var v) ? v : "")),
    ];
}
