namespace DataPlatform.Processing.Fusion;

/// <summary>One row of <c>lane_reads</c>: a read fused into a passage other than the passage's own event.</summary>
public sealed record LaneReadRow(
    Guid ReadId,
    Guid PassageId,
    string EventId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    byte Direction,
    DateTime PassTimeUtc,
    string Source,
    string DeviceId,
    string PlateNo,
    string PlateColor,
    float? Confidence,
    string VehicleType,
    string[] Pictures,
    string Relation,
    string PassagePlate,
    string Rule)
{
    public static readonly string[] Columns =
    [
        "read_id", "passage_id", "event_id", "enterprise_id", "gate_id", "lane_id", "direction", "pass_time", "source",
        "device_id", "plate_no", "plate_color", "confidence", "vehicle_type", "pictures", "relation", "passage_plate", "rule",
    ];

    public object?[] Values() =>
    [
        ReadId, PassageId, EventId, EnterpriseId, GateId, LaneId, Direction, PassTimeUtc, Source,
        DeviceId, PlateNo, PlateColor, Confidence, VehicleType, Pictures, Relation, PassagePlate, Rule,
    ];
}
