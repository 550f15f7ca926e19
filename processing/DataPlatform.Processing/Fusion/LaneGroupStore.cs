using ClickHouse.Driver;
using DataPlatform.Compliance.Fusion;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Fusion;

/// <summary>
/// The fusion state the ledger already holds: the written passages of lanes from a pass time on, each with the reads
/// fused into it, and which of a batch's reads are already stored (a passage, or a read of a stored passage). A
/// processor that restarted, or got a lane's partition from another one, so continues exactly where the ledger stands.
/// Reads of a passage that was never written (a crash between the two inserts) are not counted as stored: the group is
/// rebuilt and written again, alike.
/// </summary>
public sealed class LaneGroupStore(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    /// <summary>Most passages one load takes per lane, the earliest first (a real lane passes a truck every few seconds
    /// at most; only a synthetic flood holds more).</summary>
    public const int MaxPerLane = 500;

    private string Db => options.Value.Database;

    /// <summary>
    /// The written passages of each lane from its pass time on (to the lane's end, or its first <see cref="MaxPerLane"/>
    /// passages), each with the reads fused into it: what a writer that just got the lane's partition loads once
    /// (<see cref="LaneCoverage"/>). Unbounded above, because the previous owner may have written past the reads
    /// redelivered now.
    /// </summary>
    public async Task<StoredLanes> LoadAsync(IReadOnlyDictionary<string, DateTime> fromByLane, CancellationToken ct)
    {
        if (fromByLane.Count == 0) return new StoredLanes([], new HashSet<string>());
        var lanes = fromByLane.Keys.ToArray();
        var froms = lanes.Select(l => UnixSeconds(fromByLane[l])).ToArray();
        var passages = new Dictionary<Guid, (LaneRead Read, byte Direction)>();
        var perLane = new Dictionary<string, int>(StringComparer.Ordinal);
        (string, object)[] parameters = [("enterprises", lanes.Select(EnterpriseOf).Distinct().ToArray()), ("from", froms.Min()),
            ("lanes", lanes), ("froms", froms)];
        using (var reader = await client.ExecuteReaderAsync(
                   $"""
                   SELECT passage_id, event_id, enterprise_id, gate_id, lane_id, direction, toUnixTimestamp(pass_time) AS pass_time_s,
                          device_id, plate_no, plate_color, confidence
                   {Selection}
                   """, ClickHouseParameters.Of(parameters), null, ct))
        {
            while (reader.Read())
            {
                var direction = reader.Byte("direction");
                var read = new LaneRead(reader.String("event_id"),
                    FusedPassageProjection.LaneKey(reader.String("enterprise_id"), reader.String("gate_id"), reader.String("lane_id")), direction,
                    reader.String("device_id"), reader.UnixSeconds("pass_time_s"), reader.String("plate_no"),
                    FusedPassageProjection.ColorOf(reader.String("plate_color")), reader.NullableSingle("confidence"));
                passages.TryAdd(reader.Uuid("passage_id"), (read, direction));
                perLane[read.LaneKey] = perLane.GetValueOrDefault(read.LaneKey) + 1;
            }
        }
        var truncated = perLane.Where(l => l.Value >= MaxPerLane).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        return new StoredLanes(await WithFusedReadsAsync(passages, parameters, ct), truncated);
    }

    private static long UnixSeconds(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeSeconds();

    private static string EnterpriseOf(string laneKey) => laneKey[..Math.Max(0, laneKey.IndexOf('/'))];

    // The passages a load takes. The fused reads select their passages with it again rather than by a list of ids: a
    // load of many lanes can hold tens of thousands of passages (MaxPerLane each), too many ids for one parameter.
    private string Selection => $$"""
        FROM `{{Db}}`.passages
        WHERE enterprise_id IN {enterprises:Array(String)}
          AND pass_time >= toDateTime({from:Int64})
          AND has({lanes:Array(String)}, concat(enterprise_id, '/', gate_id, '/', lane_id))
          AND toInt64(toUnixTimestamp(pass_time)) >= {froms:Array(Int64)}[indexOf({lanes:Array(String)}, concat(enterprise_id, '/', gate_id, '/', lane_id))]
          AND record_hash != ''
        ORDER BY pass_time, event_id
        LIMIT {{MaxPerLane}} BY enterprise_id, gate_id, lane_id
        """;

    private async Task<List<LaneGroup>> WithFusedReadsAsync(Dictionary<Guid, (LaneRead Read, byte Direction)> passages,
        (string, object)[] parameters, CancellationToken ct)
    {
        if (passages.Count == 0) return [];
        var fused = passages.Keys.ToDictionary(id => id, _ => new List<LaneRead>());
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT DISTINCT passage_id, event_id, device_id, toUnixTimestamp(pass_time) AS pass_time_s, plate_no, plate_color, confidence, direction, source
                   FROM `{{Db}}`.lane_reads
                   WHERE enterprise_id IN {enterprises:Array(String)}
                     AND pass_time >= toDateTime({from:Int64} - 86400)
                     AND passage_id IN (SELECT passage_id {{Selection}})
                   """, ClickHouseParameters.Of(parameters), null, ct))
        {
            while (reader.Read())
            {
                var passageId = reader.Uuid("passage_id");
                if (!passages.TryGetValue(passageId, out var stored)) continue;
                var passage = stored.Read;
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
