using DataPlatform.Compliance.Reviews;
using DataPlatform.Processing.LedgerRecords;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Passages;

/// <summary>A passage's <c>ledger.records</c> record (<see cref="LedgerPassageRecord"/>). Version 1 is the passage as
/// written; a review resolution n publishes version 1 + n with the effective values, <c>reviewStatus</c> and the
/// action that settled it, so the bridge keeps the highest version of a record id. Every version carries the
/// registry's vehicle fields in force at the pass time (<see cref="PassageEnrichment"/>); the exit passage of a
/// closed trip is published once more with the trip's cargo and net weight (<see cref="ExitLoad"/>, version = the
/// trip row's version, above any review version) and <c>tripClosed</c>, which the bridge waits for before uploading
/// an exit.</summary>
public static class PassageRecords
{
    private static readonly IReadOnlySet<string> OwnFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "schema", "recordId", "kind", "version", "enterpriseId", "gateId", "laneId", "direction", "passTime", "plateNo",
        "plateColor", "vehicleType", "deviceId", "eventId", "pictures", "recordHash", "reviewStatus", "reviewActionId",
        "tripId", "tripClosed", "cargoName", "cargoWeightT", "netKg",
    };

    /// <summary>Field names of the passage itself: enrichment never writes one of them.</summary>
    public static IReadOnlySet<string> Own => OwnFields;

    public static LedgerPassageRecord For(PassageRow row, VehicleRegisterVersion? vehicle = null) =>
        For(row, 1, new ReviewedValues(row.PlateNo, row.PlateColor, row.VehicleType),
            row.NeedsReview ? ReviewStatus.Pending : ReviewStatus.None, null, vehicle);

    public static LedgerPassageRecord For(
        PassageRow row, ulong version, ReviewedValues effective, ReviewStatus status, Guid? actionId,
        VehicleRegisterVersion? vehicle = null, ExitLoad? load = null)
    {
        var record = new LedgerPassageRecord
        {
            RecordId = row.PassageId,
            Version = version,
            EnterpriseId = row.EnterpriseId,
            GateId = row.GateId,
            LaneId = row.LaneId,
            Direction = row.Direction,
            PassTime = LedgerRecordJson.Time(row.PassTimeChina),
            PlateNo = effective.PlateNo,
            PlateColor = effective.PlateColor,
            VehicleType = effective.VehicleType,
            DeviceId = row.DeviceId,
            EventId = row.EventId,
            Pictures = row.Pictures,
            RecordHash = row.Seal?.Hash ?? "",
            ReviewStatus = status.WireName,
            ReviewActionId = actionId,
        };
        if (load is { } l)
        {
            record = record with
            {
                TripId = l.TripId,
                TripClosed = true,
                CargoName = l.CargoName.Length > 0 ? l.CargoName : null,
                NetKg = l.NetKg,
                CargoWeightT = l.NetKg is null ? null : l.CargoWeightT,
            };
        }
        return PassageEnrichment.Apply(record, PassageEnrichment.Fields(vehicle, OwnFields));
    }
}
