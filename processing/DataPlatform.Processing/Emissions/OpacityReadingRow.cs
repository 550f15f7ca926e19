using DataPlatform.Ledger;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Emissions;

/// <summary>One row of the <c>opacity_readings</c> ledger table, as the writer inserts it.</summary>
/// <remarks><paramref name="MeasuredAt"/>: UTC, whole milliseconds (the column's precision).</remarks>
public sealed record OpacityReadingRow(
    Guid ReadingId,
    string MeterReadingId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    string DeviceId,
    string PlateNo,
    string PlateColor,
    DateTime MeasuredAt,
    decimal? OpacityPercent,
    decimal? AbsorptionCoefficient,
    string Method,
    DateTime ReceivedAt)
{
    public static readonly string[] Columns =
    [
        "reading_id", "meter_reading_id", "enterprise_id", "gate_id", "lane_id", "device_id", "plate_no", "plate_color",
        "measured_at", "opacity_percent", "absorption_coefficient", "method", "received_at",
    ];

    public object?[] Values() =>
    [
        ReadingId, MeterReadingId, EnterpriseId, GateId, LaneId, DeviceId, PlateNo, PlateColor,
        MeasuredAt, OpacityPercent, AbsorptionCoefficient, Method, ReceivedAt,
    ];

    /// <summary>The ledger id: a re-sent reading (same meter id from the same device) is the same row.</summary>
    public static Guid IdFor(string enterpriseId, string deviceId, string meterReadingId) =>
        DeterministicGuid.For($"opacity\n{enterpriseId}\n{deviceId}\n{meterReadingId}");

    public static OpacityReadingRow From(OpacityReading r) => new(
        IdFor(r.EnterpriseId, r.DeviceId, r.ReadingId), r.ReadingId, r.EnterpriseId, r.GateId, r.LaneId, r.DeviceId,
        r.PlateNo, r.PlateColor, Utc(r.MeasuredAt), r.OpacityPercent, r.AbsorptionCoefficient, r.Method, Utc(r.ReceivedAt));

    private static DateTime Utc(DateTimeOffset t)
    {
        var utc = t.UtcDateTime;
        return DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc);
    }
}
