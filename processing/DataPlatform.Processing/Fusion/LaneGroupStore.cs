using ClickHouse.Driver;
using DataPlatform.Compliance.Fusion;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Fusion;

/// <summary>
/// The fusion state the ledger already holds, for a batch of reads: the written passages of the batch's lanes
/// within the fusion window of its reads, each with the reads fused into it, and which of the batch's reads are
/// already stored (a passage, or a read of a stored passage). A processor that restarted, or got a lane's partition
/// from another one, so continues exactly where the ledger stands. Reads of a passage that was never written (a
/// crash between the two inserts) are not counted as stored: the group is rebuilt and written again, alike.
/// </summary>
public sealed class LaneGroupStore(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    // A gate lane passes a truck every few seconds at most; more stored passages than this within one batch's window
    // only happen in synthetic load (every event in one second), where loading them all per batch would dominate.
    private const int MaxPerLane = 256;

    private string Db => options.Value.Database;

    public async Task<List<LaneGroup>> NearAsync(IReadOnlyCollection<LaneRead> reads, TimeSpan window, CancellationToken ct)
    {
        if (reads.Count == 0) return [];
        var from = new DateTimeOffset(DateTime.SpecifyKind(reads.Min(r => r.PassTime), DateTimeKind.Utc) - window).ToUnixTimeSeconds();
        var to = new DateTimeOffset(DateTime.SpecifyKind(reads.Max(r => r.PassTime), DateTimeKind.Utc) + window).ToUnixTimeSeconds();
        var passages = new Dictionary<Guid, (LaneRead Read, byte Direction)>();
        // Exactly the passages within the window of one of the batch's reads at its lane (the time range prunes months).
        var points = reads.Select(r => (r.LaneKey, Seconds: new DateTimeOffset(DateTime.SpecifyKind(r.PassTime, DateTimeKind.Utc)).ToUnixTimeSeconds()))
            .Distinct().ToList();
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT passage_id, event_id, enterprise_id, gate_id, lane_id, direction, toUnixTimestamp(pass_time) AS pass_time_s,
                          device_id, plate_no, plate_color, confidence
                   FROM `{{Db}}`.passages
                   WHERE pass_time BETWEEN toDateTime({from:Int64}) AND toDateTime({to:Int64})
                     AND arrayExists((l, t) -> l = concat(enterprise_id, '/', gate_id, '/', lane_id)
                                               AND abs(toInt64(toUnixTimestamp(pass_time)) - t) <= {w:Int64}, {lanes:Array(String)}, {times:Array(Int64)})
                     AND record_hash != ''
                   ORDER BY pass_time DESC, event_id
                   LIMIT {{MaxPerLane}} BY enterprise_id, gate_id, lane_id, direction
                   """,
                   ClickHouseParameters.Of(("from", from), ("to", to), ("w", (long)Math.Ceiling(window.TotalSeconds)),
                       ("lanes", points.Select(p => p.LaneKey).ToArray()), ("times", points.Select(p => p.Seconds).ToArray())), null, ct))
        {
            while (reader.Read())
            {
                var direction = reader.Byte("direction");
                passages.TryAdd(reader.Uuid("passage_id"), (new LaneRead(reader.String("event_id"),
                    FusedPassageProjection.LaneKey(reader.String("enterprise_id"), reader.String("gate_id"), reader.String("lane_id")), direction,
                    reader.String("device_id"), reader.UnixSeconds("pass_time_s"), reader.String("plate_no"),
                    FusedPassageProjection.ColorOf(reader.String("plate_color")), reader.NullableSingle("confidence")), direction));
            }
        }
        if (passages.Count == 0) return [];
        var fused = passages.Keys.ToDictionary(id => id, _ => new List<LaneRead>());
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT DISTINCT passage_id, event_id, device_id, toUnixTimestamp(pass_time) AS pass_time_s, plate_no, plate_color, confidence, direction, source
                   FROM `{{Db}}`.lane_reads WHERE passage_id IN {ids:Array(UUID)}
                   """,
                   ClickHouseParameters.Of(("ids", passages.Keys.ToArray())), null, ct))
        {
            while (reader.Read())
            {
                var passageId = reader.Uuid("passage_id");
                var passage = passages[passageId].Read;
                var etag = reader.String("source") == "etag";
                fused[passageId].Add(new LaneRead(reader.String("event_id"), passage.LaneKey,
                    etag ? null : reader.Byte("direction"), reader.String("device_id"),
                    reader.UnixSeconds("pass_time_s"), reader.String("plate_no"), FusedPassageProjection.ColorOf(reader.String("plate_color")),
                    reader.NullableSingle("confidence"), IsETag: etag, Registered: etag));
            }
        }
        return [.. passages.Select(p => new LaneGroup(p.Value.Read.LaneKey, p.Value.Direction,
            [p.Value.Read, .. fused[p.Key].DistinctBy(r => r.EventId)], storedSurvivor: p.Value.Read) { SettledPlate = p.Value.Read.Plate })];
    }

    /// <summary>The ids (<see cref="PassageIdentity"/>) among <paramref name="readIds"/> already in the ledger, as a
    /// passage, as a read of a stored passage, or as an unmatched e-tag read.</summary>
    public async Task<HashSet<Guid>> StoredAsync(IReadOnlyCollection<Guid> readIds, CancellationToken ct)
    {
        var stored = new HashSet<Guid>();
        if (readIds.Count == 0) return stored;
        var ids = readIds.ToArray();
        using (var reader = await client.ExecuteReaderAsync(
                   $"SELECT DISTINCT passage_id FROM `{Db}`.passages WHERE passage_id IN {{ids:Array(UUID)}} AND record_hash != ''",
                   ClickHouseParameters.Of(("ids", ids)), null, ct))
            while (reader.Read()) stored.Add(reader.Uuid("passage_id"));
        var links = new List<(Guid Read, Guid Passage)>();
        using (var reader = await client.ExecuteReaderAsync(
                   $"SELECT DISTINCT read_id, passage_id FROM `{Db}`.lane_reads WHERE read_id IN {{ids:Array(UUID)}}",
                   ClickHouseParameters.Of(("ids", ids)), null, ct))
            while (reader.Read()) links.Add((reader.Uuid("read_id"), reader.Uuid("passage_id")));
        if (links.Count == 0) return stored;
        var linked = new HashSet<Guid>();
        using (var reader = await client.ExecuteReaderAsync(
                   $"SELECT DISTINCT passage_id FROM `{Db}`.passages WHERE passage_id IN {{ids:Array(UUID)}} AND record_hash != ''",
                   ClickHouseParameters.Of(("ids", links.Select(l => l.Passage).Distinct().ToArray())), null, ct))
            while (reader.Read()) linked.Add(reader.Uuid("passage_id"));
        // An unmatched e-tag read (no passage) is final once stored.
        foreach (var (read, passage) in links)
            if (passage == Guid.Empty || linked.Contains(passage)) stored.Add(read);
        return stored;
    }
}
