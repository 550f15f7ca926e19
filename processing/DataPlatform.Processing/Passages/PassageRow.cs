namespace DataPlatform.Processing.Passages;

/// <summary>One row of the <c>passages</c> ledger table (进出厂运输车辆台账), as the writer inserts it.</summary>
public sealed record PassageRow(
    Guid PassageId,
    string EventId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    byte Direction,
    DateTime PassTimeChina,
    string PlateNo,
    string PlateColor,
    float? Confidence,
    string VehicleType,
    string DeviceId,
    string[] Pictures)
{
    /// <summary>Column order of <see cref="Values"/>, matching the table.</summary>
    public static readonly string[] Columns =
    [
        "passage_id", "event_id", "enterprise_id", "gate_id", "lane_id", "direction", "pass_time",
        "plate_no", "plate_color", "confidence", "vehicle_type", "device_id", "pictures",
    ];

    public object?[] Values() =>
    [
        PassageId, EventId, EnterpriseId, GateId, LaneId, Direction, PassTimeChina,
        PlateNo, PlateColor, Confidence, VehicleType, DeviceId, Pictures,
    ];
}
