using ClickHouse.Driver;
using DataPlatform.Compliance.Decisions;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using DataPlatform.Processing.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Decisions;

/// <summary>Every <see cref="DecisionOptions.TripStateRefreshSeconds"/>: loads the open trips (under the plate a review
/// settled on; a last entry not denied
/// with no later allowed exit, from the decision ledger <c>gate_decisions</c> of every instance, within
/// <see cref="DecisionOptions.TripStateWindowHours"/>; an exit sent to a manual check keeps the trip open, the truck
/// goes back to the weighbridge) and their weighings from the ledger into
/// <see cref="TripStateCache"/>. A failed load keeps the previous state: the gate decides with the last it knew.</summary>
public sealed class TripStateRefresher(
    TripStateCache cache, ClickHouseClient client, IOptions<ClickHouseOptions> clickHouse, TimeProvider time,
    IOptions<DecisionOptions> options, ILogger<TripStateRefresher> logger) : BackgroundService
{
    private string Db => $"`{clickHouse.Value.Database}`";

    public async Task RefreshAsync(CancellationToken ct)
    {
        var from = time.GetUtcNow().AddHours(-options.Value.TripStateWindowHours);
        var open = new Dictionary<(string, VehicleKey), (DateTimeOffset Entered, List<WeighingSeen> Weighings)>();
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT enterprise_id, plate_no, plate_color,
                          toUnixTimestamp(maxIf(pass_time, direction = 1 AND outcome != 'deny')) AS entered,
                          toUnixTimestamp(maxIf(pass_time, direction = 2 AND outcome = 'allow')) AS exited
                   FROM
                   (
                       -- The plate a review settled on (an entry misread and corrected keeps its trip open under the
                       -- right plate); a passage a review rejected (not a vehicle, a duplicate) opens no trip.
                       SELECT d.enterprise_id AS enterprise_id, d.direction AS direction, d.pass_time AS pass_time, d.outcome AS outcome,
                              if(r.reviewed = 1, r.plate_no_after, d.plate_no) AS plate_no,
                              if(r.reviewed = 1, r.plate_color_after, d.plate_color) AS plate_color
                       FROM {{Db}}.gate_decisions AS d
                       LEFT JOIN
                       (
                           SELECT passage_id, toUInt8(1) AS reviewed,
                                  argMax(status_after, (applied_at, action_id)) AS status_after,
                                  argMax(plate_no_after, (applied_at, action_id)) AS plate_no_after,
                                  argMax(plate_color_after, (applied_at, action_id)) AS plate_color_after
                           FROM {{Db}}.review_actions WHERE pass_time >= fromUnixTimestamp({from:Int64})
                           GROUP BY passage_id
                       ) AS r ON r.passage_id = d.passage_id
                       WHERE d.pass_time >= fromUnixTimestamp({from:Int64}) AND NOT (r.reviewed = 1 AND r.status_after = 'rejected')
                   )
                   GROUP BY enterprise_id, plate_no, plate_color
                   HAVING entered > 0 AND entered > exited
                   """,
                   ClickHouseParameters.Of(("from", from.ToUnixTimeSeconds())), null, ct))
            while (reader.Read())
            {
                if (!PlateNumber.TryParse(reader.String("plate_no"), out var plate, out _) || !PlateColor.TryParse(reader.String("plate_color"), out var color, out _))
                    continue;
                open[(reader.String("enterprise_id"), new VehicleKey(plate, color))] = (
                    DateTimeOffset.FromUnixTimeSeconds(reader.Int64("entered")), []);
            }
        var byPlate = open.ToLookup(o => (o.Key.Item1, o.Key.Item2.Plate.Text));
        if (open.Count > 0)
        {
            // Weighbridges report no plate colour: a weighing counts for the open trip(s) of its plate.
            using var reader = await client.ExecuteReaderAsync(
                $$"""
                SELECT enterprise_id, plate_no, toUnixTimestamp64Milli(weigh_time) AS weigh_time_ms, cargo_name FROM {{Db}}.weighings FINAL
                WHERE weigh_time >= fromUnixTimestamp64Milli({from:Int64}) AND plate_no IN {plates:Array(String)}
                """,
                ClickHouseParameters.Of(("from", from.ToUnixTimeMilliseconds()),
                    ("plates", open.Keys.Select(k => k.Item2.Plate.Text).Distinct().ToArray())), null, ct);
            while (reader.Read())
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.Int64("weigh_time_ms"));
                var cargo = reader.String("cargo_name");
                foreach (var trip in byPlate[(reader.String("enterprise_id"), reader.String("plate_no"))])
                    if (at >= trip.Value.Entered)
                        trip.Value.Weighings.Add(new WeighingSeen(at, cargo.Length == 0 ? null : cargo));
            }
        }
        cache.Replace(open.ToDictionary(o => o.Key, o => new TripStateCache.OpenTrip(o.Value.Entered, o.Value.Weighings)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.TripStateRefreshSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Loading trip states failed; exits are decided with the last known state");
            }
            try { await Task.Delay(interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
