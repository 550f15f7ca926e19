namespace DataPlatform.Processing.Weighings;

/// <summary>One row of the <c>weighings</c> ledger table (过磅记录), as the writer inserts it.</summary>
/// <remarks>
/// <para><paramref name="WeighTime"/>: The weighing instant as UTC, whole milliseconds (the column's precision).</para>
/// <para><paramref name="PlateNo"/>: Normalised plate, "" when the weighbridge recorded none.</para>
/// </remarks>
public sealed record WeighingRow(
    Guid WeighingId,
    string MessageId,
    string EnterpriseId,
    string WeighbridgeId,
    DateTime WeighTime,
    decimal WeightKg,
    string Kind,
    string TicketNo,
    string CargoName,
    string PlateNo,
    string DeviceId,
    DateTime ReceivedAt)
{
    /// <summary>Column order of <see cref="Values"/>, matching the table.</summary>
    public static readonly string[] Columns =
    [
        "weighing_id", "message_id", "enterprise_id", "weighbridge_id", "weigh_time", "weight_kg", "kind",
        "ticket_no", "cargo_name", "plate_no", "device_id", "received_at",
    ];

    public object?[] Values() =>
    [
        WeighingId, MessageId, EnterpriseId, WeighbridgeId, WeighTime, WeightKg, Kind,
        TicketNo, CargoName, PlateNo, DeviceId, ReceivedAt,
    ];
}
