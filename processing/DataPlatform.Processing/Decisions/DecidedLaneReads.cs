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
    public async Task<List<LaneGroup>> NearAsync(string laneKey, DateTime passTime, TimeSpan window, CancellationToken ct)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(passTime, DateTimeKind.Utc)).ToUnixTimeSeconds();
        var span = (long)Math.Ceiling(window.TotalSeconds);
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT DISTINCT event_id, direction, toUnixTimestamp(pass_time) AS pass_time_s, device_id, plate_no, plate_color
            FROM `{{options.Value.Database}}`.gate_decisions
            WHERE pass_time BETWEEN toDateTime({from:Int64}) AND toDateTime({to:Int64})
              AND concat(enterprise_id, '/', gate_id, '/', lane_id) = {lane:String}
            """,
            ClickHouseParameters.Of(("from", at - span), ("to", at + span), ("lane", laneKey)), null, ct);
        var groups = new List<LaneGroup>();
        while (reader.Read())
        {
            var direction = reader.Byte("direction");
            var read = new LaneRead(reader.String("event_id"), laneKey, direction, reader.String("device_id"),
                reader.UnixSeconds("pass_time_s"), reader.String("plate_no"), FusedPassageProjection.ColorOf(reader.String("plate_color")), null);
            groups.Add(new LaneGroup(laneKey, direction, [read], storedSurvivor: read));
        }
        return groups;
    }
}
