using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Processing.Trips;

/// <summary>One version of a row of the <c>trips</c> table. Times are UTC instants (whole seconds, as the columns keep them).</summary>
public sealed record TripRow(
    Guid TripId,
    string EnterpriseId,
    string GateId,
    string ExitGateId,
    string PlateNo,
    string PlateColor,
    Guid EntryPassageId,
    DateTime EntryTime,
    Guid? ExitPassageId,
    DateTime? ExitTime,
    string Status,
    string Load,
    int? GrossKg,
    int? TareKg,
    int? NetKg,
    string CargoName,
    Guid[] WeighingIds)
{
    public static readonly string[] Columns =
    [
        "trip_id", "enterprise_id", "gate_id", "exit_gate_id", "plate_no", "plate_color", "entry_passage_id",
        "entry_time", "exit_passage_id", "exit_time", "status", "load", "gross_kg", "tare_kg", "net_kg",
        "cargo_name", "weighing_ids", "content_hash", "version", "updated_at",
    ];

    /// <summary>Hash of everything but version and time of writing: the job rewrites a trip only when this changed,
    /// which is what makes a re-run a no-op.</summary>
    public string ContentHash()
    {
        var text = string.Join('\n', TripId, EnterpriseId, GateId, ExitGateId, PlateNo, PlateColor, EntryPassageId,
            EntryTime.Ticks, ExitPassageId, ExitTime?.Ticks, Status, Load, GrossKg, TareKg, NetKg, CargoName,
            string.Join(',', WeighingIds));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public object?[] Values(ulong version, DateTime updatedAt) =>
    [
        TripId, EnterpriseId, GateId, ExitGateId, PlateNo, PlateColor, EntryPassageId,
        EntryTime, ExitPassageId, ExitTime, Status, Load, GrossKg, TareKg, NetKg,
        CargoName, WeighingIds, ContentHash(), version, updatedAt,
    ];
}
