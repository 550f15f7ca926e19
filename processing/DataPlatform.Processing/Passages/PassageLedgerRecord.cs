using System.Globalization;
using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// A passage row as the hash chain sees it. The writer seals this and the verifier rebuilds it from what
/// ClickHouse returns, through this one function, so both sides produce the same bytes. Every stored business
/// column is covered; <c>ingested_at</c> is write metadata and is not.
/// </summary>
public static class PassageLedgerRecord
{
    public const string Kind = "passage";

    public static LedgerRecord For(PassageRow row)
    {
        var fields = new List<LedgerField>(12 + row.Pictures.Length)
        {
            new("event_id", row.EventId),
            new("gate_id", row.GateId),
            new("lane_id", row.LaneId),
            new("direction", LedgerValues.Of(row.Direction)),
            new("plate_no", row.PlateNo),
            new("plate_color", row.PlateColor),
            // Shortest round-trip text of the float32 the column stores, so a read-back value prints alike.
            new("confidence", row.Confidence?.ToString("R", CultureInfo.InvariantCulture)),
            new("vehicle_type", row.VehicleType),
            new("device_id", row.DeviceId),
            // One field per picture plus the count: no separator choice can make two lists encode alike.
            new("pictures", LedgerValues.Of(row.Pictures.Length)),
        };
        for (var i = 0; i < row.Pictures.Length; i++)
            fields.Add(new($"pictures[{i.ToString(CultureInfo.InvariantCulture)}]", row.Pictures[i]));
        // Only when flagged, so rows sealed before review flags existed keep their canonical form and hash.
        if (row.NeedsReview)
        {
            fields.Add(new("review_reason", row.ReviewReason));
            fields.Add(new("review_candidates", LedgerValues.Of(row.ReviewCandidates.Length)));
            for (var i = 0; i < row.ReviewCandidates.Length; i++)
                fields.Add(new($"review_candidates[{i.ToString(CultureInfo.InvariantCulture)}]", row.ReviewCandidates[i]));
        }
        return new LedgerRecord(
            row.PassageId.ToString("D"), Kind, row.EnterpriseId, PassageChain.ChainGate(row.GateId, row.LaneId),
            new DateTimeOffset(DateTime.SpecifyKind(row.PassTimeChina, DateTimeKind.Utc)), fields);
    }
}
