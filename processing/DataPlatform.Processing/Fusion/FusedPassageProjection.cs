using DataPlatform.Compliance.Fusion;
using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Processing.Passages;
using DataPlatform.Streams;

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

    /// <summary>A registered e-tag read as the fold sees it: no direction, the register's plate, whole seconds.</summary>
    public static LaneRead ToRead(LaneTagRead tag) => new(
        tag.EventId, tag.PartitionKey, null, tag.DeviceId, PassageProjection.WholeSeconds(tag.ReadAt), PlateNormalizer.Normalize(tag.PlateNo),
        PlateColor.Unknown, null, IsETag: true, Registered: true);

    /// <summary>The id a tag read is kept under in <c>lane_reads</c> (like a camera read's, from its event id).</summary>
    public static Guid ReadId(LaneTagRead tag) => PassageIdentity.For(tag.EnterpriseId, tag.GateId, tag.EventId);

    /// <summary>An e-tag read no camera read of its lane came near: kept, with no passage.</summary>
    public static LaneReadRow Unmatched(LaneTagRead tag) =>
        TagRow(tag, Guid.Empty, "", ReadRelation.Unmatched, "电子标识读数附近无相机通行记录（未匹配）");

    public static PlateColor ColorOf(string wireName) =>
        PlateColor.TryParse(wireName, out var color, out _) ? color : PlateColor.Unknown;

    /// <remarks>
    /// <para><paramref name="reads"/>: The event and projected row of each camera read of the group, by event
    /// id.</para>
    /// <para><paramref name="tags"/>: Each e-tag read of the group, by event id.</para>
    /// </remarks>
    public static (PassageRow Passage, List<LaneReadRow> Reads) Project(
        LaneGroup group, IReadOnlyDictionary<string, (GateEvent Event, PassageRow Row)> reads,
        IReadOnlyDictionary<string, LaneTagRead> tags, VehicleRegistry registry, ReconcilerOptions options)
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
            .Select(r => r.IsETag
                ? TagRow(tags[r.EventId], passage.PassageId, passage.PlateNo, fused.Verdicts[r.EventId], rule)
                : Row(rows[r.EventId], passage, fused.Verdicts[r.EventId], rule)).ToList();
        return (passage, others);
    }

    /// <summary>A read that joined a passage already written: kept, linked, but the sealed passage stays as it is.</summary>
    public static LaneReadRow Late(PassageRow read, LaneGroup group)
    {
        var (passageId, passagePlate, rule) = LateLink(read.EnterpriseId, read.GateId, read.PlateNo, group);
        return Row(read, passageId, passagePlate, ReadRelation.Late, rule);
    }

    /// <summary>An e-tag read that joined a passage already closed.</summary>
    public static LaneReadRow Late(LaneTagRead tag, LaneGroup group)
    {
        var (passageId, passagePlate, rule) = LateLink(tag.EnterpriseId, tag.GateId, tag.PlateNo, group);
        return TagRow(tag, passageId, passagePlate, ReadRelation.Late, rule);
    }

    private static (Guid PassageId, string PassagePlate, string Rule) LateLink(string enterpriseId, string gateId, string plate, LaneGroup group)
    {
        var passagePlate = group.SettledPlate ?? group.Survivor.Plate;
        var agrees = PlateNormalizer.Normalize(plate) == passagePlate;
        var rule = agrees || passagePlate.Length == 0
            ? "通行记录写入后到达的读数"
            : $"通行记录写入后到达的读数，与记录号牌 {passagePlate} 不一致，未改动已封存记录";
        return (PassageIdentity.For(enterpriseId, gateId, group.Survivor.EventId), passagePlate, rule);
    }

    private static LaneReadRow TagRow(LaneTagRead tag, Guid passageId, string passagePlate, string relation, string rule) => new(
        ReadId(tag), passageId, tag.EventId, tag.EnterpriseId, tag.GateId, tag.LaneId, 0, PassageProjection.WholeSeconds(tag.ReadAt), "etag",
        tag.DeviceId, PlateNormalizer.Normalize(tag.PlateNo), PlateColor.Unknown.ToWireName(), null, "", [], relation, passagePlate, rule);


    private static PlateRead ReadOf(PassageRow row) =>
        new(row.PlateNo, ColorOf(row.PlateColor), row.Confidence, "camera:" + (row.DeviceId.Length == 0 ? "unknown" : row.DeviceId));

    private static LaneReadRow Row(PassageRow read, PassageRow passage, string relation, string rule) =>
        Row(read, passage.PassageId, passage.PlateNo, relation, rule);

    private static LaneReadRow Row(PassageRow read, Guid passageId, string passagePlate, string relation, string rule) => new(
        read.PassageId, passageId, read.EventId, read.EnterpriseId, read.GateId, read.LaneId, read.Direction, read.PassTimeChina,
        "camera", read.DeviceId, read.PlateNo, read.PlateColor, read.Confidence, read.VehicleType, read.Pictures,
        relation, passagePlate, rule);
}
