using DataPlatform.Compliance.Fusion;
using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Processing.Passages;

namespace DataPlatform.Processing.Fusion;

/// <summary>A closed lane group → its passage row and the rows of its other reads. Pure. A group of one read is the
/// passage exactly as before fusion existed (same row, same seal); a group of several carries the settled plate, the
/// combined confidence, or the review flag with every candidate (the flag is part of the seal).</summary>
public static class FusedPassageProjection
{
    public static LaneRead ToRead(PassageRow row) => new(
        row.EventId, LaneKey(row.EnterpriseId, row.GateId, row.LaneId), row.Direction, row.DeviceId, row.PassTimeChina,
        row.PlateNo, ColorOf(row.PlateColor), row.Confidence);

    public static string LaneKey(string enterpriseId, string gateId, string laneId) => $"{enterpriseId}/{gateId}/{laneId}";

    public static PlateColor ColorOf(string wireName) =>
        PlateColor.TryParse(wireName, out var color, out _) ? color : PlateColor.Unknown;

    /// <param name="reads">The event and projected row of each read of the group, by event id.</param>
    public static (PassageRow Passage, List<LaneReadRow> Reads) Project(
        LaneGroup group, IReadOnlyDictionary<string, (GateEvent Event, PassageRow Row)> reads, VehicleRegistry registry,
        ReconcilerOptions options)
    {
        var rows = reads.ToDictionary(r => r.Key, r => r.Value.Row, StringComparer.Ordinal);
        var survivor = rows[group.Survivor.EventId];
        if (group.SealedReads.Count == 1)
            return (PassageReviewScreen.Screen(survivor, reads[survivor.EventId].Event, registry, options), []);

        var fused = LaneReconciler.Reconcile(group, registry, options);
        PassageRow passage;
        if (fused.NeedsReview)
            passage = survivor with { ReviewReason = fused.ReviewReason, ReviewCandidates = [.. fused.Candidates] };
        else
        {
            var settled = survivor with
            {
                PlateNo = fused.PlateText,
                PlateColor = fused.Color.ToWireName(),
                Confidence = fused.Confidence is { } c ? (float)c : survivor.Confidence,
            };
            passage = PassageReviewScreen.Screen(settled, ReadOf(settled), registry, options);
        }
        var rule = fused.NeedsReview ? fused.ReviewReason : fused.Rule;
        var others = group.SealedReads.Where(r => r.EventId != survivor.EventId)
            .Select(r => Row(rows[r.EventId], passage, fused.Verdicts[r.EventId], rule)).ToList();
        return (passage, others);
    }

    /// <summary>A read that joined a passage already written: kept, linked, but the sealed passage stays as it is.</summary>
    public static LaneReadRow Late(PassageRow read, LaneGroup group)
    {
        var passagePlate = group.SettledPlate ?? group.Survivor.Plate;
        var passageId = PassageIdentity.For(read.EnterpriseId, read.GateId, group.Survivor.EventId);
        var agrees = PlateNormalizer.Normalize(read.PlateNo) == passagePlate;
        var rule = agrees || passagePlate.Length == 0
            ? "通行记录写入后到达的读数"
            : $"通行记录写入后到达的读数，与记录号牌 {passagePlate} 不一致，未改动已封存记录";
        return Row(read, passageId, passagePlate, ReadRelation.Late, rule);
    }

    private static PlateRead ReadOf(PassageRow row) =>
        new(row.PlateNo, ColorOf(row.PlateColor), row.Confidence, "camera:" + (row.DeviceId.Length == 0 ? "unknown" : row.DeviceId));

    private static LaneReadRow Row(PassageRow read, PassageRow passage, string relation, string rule) =>
        Row(read, passage.PassageId, passage.PlateNo, relation, rule);

    private static LaneReadRow Row(PassageRow read, Guid passageId, string passagePlate, string relation, string rule) => new(
        read.PassageId, passageId, read.EventId, read.EnterpriseId, read.GateId, read.LaneId, read.Direction, read.PassTimeChina,
        "camera", read.DeviceId, read.PlateNo, read.PlateColor, read.Confidence, read.VehicleType, read.Pictures,
        relation, passagePlate, rule);
}
