using DataPlatform.Compliance.Reviews;
using DataPlatform.Processing.Passages;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>A passage's <c>ledger.records</c> message. Version 1 is the passage as written; a review resolution
/// n publishes version 1 + n with the effective values, <c>reviewStatus</c> and the action that settled it, so the
/// bridge keeps the highest version of a record id.</summary>
public static class PassageRecordJson
{
    public static (string Key, byte[] Json) For(PassageRow row) =>
        For(row, 1, new ReviewedValues(row.PlateNo, row.PlateColor, row.VehicleType),
            row.NeedsReview ? ReviewStatus.Pending : ReviewStatus.None, null);

    public static (string Key, byte[] Json) For(
        PassageRow row, ulong version, ReviewedValues effective, ReviewStatus status, Guid? actionId) =>
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
        }));
}
