using System.Data.Common;
using ClickHouse.Driver;
using DataPlatform.Compliance.Fusion;
using DataPlatform.Ledger;
using DataPlatform.Processing.Fusion;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Decisions;

/// <summary>The reads a lane's recent decisions were made on (<c>gate_decisions</c>), so a decision service that
/// restarted knows which passages it already decided: a second camera's read of one of them is a corroboration,
/// not a new truck. Only what was decided is stored; reads that joined a decided passage before the restart are not,
/// so a fused passage's device set is rebuilt from its decided read alone.</summary>
public sealed class DecidedLaneReads(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private const string Columns =
        "event_id, direction, toUnixTimestamp(pass_time) AS pass_time_s, device_id, plate_no, plate_color, "
        + "concat(enterprise_id, '/', gate_id, '/', lane_id) AS lane_key";

    private string Db => $"`{options.Value.Database}`";

    /// <summary>The decided reads of one lane within <paramref name="window"/> of <paramref name="passTime"/>.</summary>
    public async Task<List<LaneGroup>> NearAsync(string laneKey, DateTime passTime, TimeSpan window, CancellationToken ct)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(passTime, DateTimeKind.Utc)).ToUnixTimeSeconds();
        var span = (long)Math.Ceiling(window.TotalSeconds);
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT DISTINCT {{Columns}}
            FROM {{Db}}.gate_decisions
            WHERE pass_time BETWEEN toDateTime({from:Int64}) AND toDateTime({to:Int64})
              AND concat(enterprise_id, '/', gate_id, '/', lane_id) = {lane:String}
            """,
            ClickHouseParameters.Of(("from", at - span), ("to", at + span), ("lane", laneKey)), null, ct);
        var groups = new List<LaneGroup>();
        while (reader.Read()) groups.Add(GroupOf(reader));
        return groups;
    }

    /// <summary>Every lane's decided reads of its last <paramref name="span"/> of lane time (back from the lane's newest
    /// decided pass time), oldest first, and each lane's newest decided pass time: what a decision service loads when
    /// it is handed partitions, so it decides from memory. Two light queries: the lanes' newest times, then the rows
    /// since the earliest bound (month partitions pruned), filtered per lane here.</summary>
    public async Task<RecentDecidedReads> RecentAsync(TimeSpan span, CancellationToken ct)
    {
        var newest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT concat(enterprise_id, '/', gate_id, '/', lane_id) AS lane_key, toUnixTimestamp(max(pass_time)) AS newest_s
                   FROM {{Db}}.gate_decisions
                   GROUP BY enterprise_id, gate_id, lane_id
                   """, null, null, ct))
            while (reader.Read()) newest[reader.String("lane_key")] = reader.UnixSeconds("newest_s");
        var groups = new List<LaneGroup>();
        if (newest.Count == 0) return new RecentDecidedReads(groups, newest);
        var from = newest.Values.Min() - span;
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT DISTINCT {{Columns}}
                   FROM {{Db}}.gate_decisions
                   WHERE pass_time >= toDateTime({from:Int64})
                   ORDER BY pass_time_s, event_id
                   """,
                   ClickHouseParameters.Of(("from", new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)).ToUnixTimeSeconds())), null, ct))
            while (reader.Read())
            {
                var group = GroupOf(reader);
                if (group.Survivor.PassTime >= newest[group.LaneKey] - span) groups.Add(group);
            }
        return new RecentDecidedReads(groups, newest);
    }

    private static LaneGroup GroupOf(DbDataReader reader)
    {
        var laneKey = reader.String("lane_key");
        var direction = reader.Byte("direction");
        var read = new LaneRead(reader.String("event_id"), laneKey, direction, reader.String("device_id"),
            reader.UnixSeconds("pass_time_s"), reader.String("plate_no"), FusedPassageProjection.ColorOf(reader.String("plate_color")), null);
        return new LaneGroup(laneKey, direction, [read], storedSurvivor: read);
    }
}

/// <summary>What <see cref="DecidedLaneReads.RecentAsync"/> loaded.</summary>
/// <remarks><paramref name="Groups"/>: One closed group per decided read, oldest first.
/// <paramref name="Newest"/>: Per lane key, the newest decided pass time (UTC) when loaded.</remarks>
public sealed record RecentDecidedReads(List<LaneGroup> Groups, Dictionary<string, DateTime> Newest);
