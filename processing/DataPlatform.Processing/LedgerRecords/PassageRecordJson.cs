using DataPlatform.Compliance.Reviews;
using DataPlatform.Processing.Passages;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>A passage's <c>ledger.records</c> message. Version 1 is the passage as written; a review resolution
/// n publishes version 1 + n with the effective values, <c>reviewStatus</c> and the action that settled it, so the
/// bridge keeps the highest version of a record id. Every version carries the registry's vehicle fields in force
/// at the pass time (<see cref="PassageEnrichment"/>); the exit passage of a closed trip is published once more
/// with the trip's cargo and net weight (<see cref="ExitLoad"/>, version = the trip row's version, above any review
/// version) and <c>tripClosed</c>, which the bridge waits for before uploading an exit.</summary>
public static class PassageRecordJson
{
    private static readonly IReadOnlySet<string> OwnFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "schema", "recordId", "kind", "version", "enterpriseId", "gateId", "laneId", "direction", "passTime", "plateNo",
        "plateColor", "vehicleType", "deviceId", "eventId", "pictures", "recordHash", "reviewStatus", "reviewActionId",
        "tripId", "tripClosed", "cargoName", "cargoWeightT", "netKg",
    };

    /// <summary>Field names of the passage itself: enrichment never writes one of them.</summary>
    public static IReadOnlySet<string> Own => OwnFields;

    public static (string Key, byte[] Json) For(PassageRow row, VehicleRegisterVersion? vehicle = null) =>
        For(row, 1, new ReviewedValues(row.PlateNo, row.PlateColor, row.VehicleType),
            row.NeedsReview ? ReviewStatus.Pending : ReviewStatus.None, null, vehicle);

    public static (string Key, byte[] Json) For(
        PassageRow row, ulong version, ReviewedValues effective, ReviewStatus status, Guid? actionId,
        VehicleRegisterVersion? vehicle = null, ExitLoad? load = null) =>
        ($"{row.EnterpriseId}/{row.GateId}", LedgerRecordJson.Write(row.PassageId, LedgerRecordQueries.PassageStream, version, w =>
        {
            w.WriteString("enterpriseId", row.EnterpriseId);
            w.WriteString("gateId", row.GateId);
            w.WriteString("laneId", row.LaneId);
            w.WriteNumber("direction", row.Direction);
            w.WriteString("passTime", LedgerRecordJson.Time(new DateTimeOffset(DateTime.SpecifyKind(row.PassTimeChina, DateTimeKind.Utc)).ToUnixTimeMilliseconds()));
            w.WriteString("plateNo", effective.PlateNo);
            w.WriteString("plateColor", effective.PlateColor);
            w.WriteString("vehicleType", effective.VehicleType);
            w.WriteString("deviceId", row.DeviceId);
            w.WriteString("eventId", row.EventId);
            w.WriteStartArray("pictures");
            foreach (var p in row.Pictures) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteString("recordHash", row.Seal?.Hash ?? "");
            w.WriteString("reviewStatus", status.WireName);
            if (actionId is { } id) w.WriteString("reviewActionId", id);
            if (load is { } l)
            {
                w.WriteString("tripId", l.TripId);
                w.WriteBoolean("tripClosed", true);
                if (l.CargoName.Length > 0) w.WriteString("cargoName", l.CargoName);
                if (l.NetKg is { } kg)
                {
                    w.WriteNumber("netKg", kg);
                    w.WriteNumber("cargoWeightT", l.CargoWeightT!.Value);
                }
            }
            PassageEnrichment.Write(w, PassageEnrichment.Fields(vehicle, OwnFields));
        }));
}
