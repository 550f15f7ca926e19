using ClickHouse.Driver;
using DataPlatform.Compliance.Trips;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Trips;

/// <summary>Reads the passages and weighings of a time window from the ledger as the pure pairing wants them.
/// Times travel as Unix milliseconds so no driver time-zone conversion is involved.</summary>
public sealed class TripSource(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Db => $"`{options.Value.Database}`";

    /// <summary>Plates with a passage (pass time ≥ <paramref name="from"/>) or a weighing ingested since
    /// <paramref name="since"/>, and both plates of a review action applied since then (the one a passage leaves and
    /// the one it joins): the vehicles whose trips may have changed.</summary>
    public async Task<List<string>> ChangedPlatesAsync(DateTimeOffset from, DateTimeOffset since, CancellationToken ct)
    {
        var plates = new List<string>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT plate_no FROM {{Db}}.passages
            WHERE pass_time >= fromUnixTimestamp({from:Int64}) AND ingested_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
            UNION DISTINCT
            SELECT plate_no FROM {{Db}}.weighings
            WHERE weigh_time >= fromUnixTimestamp64Milli({fromMs:Int64}) AND ingested_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
              AND plate_no != ''
            UNION DISTINCT
            SELECT arrayJoin([plate_no_before, plate_no_after]) AS plate_no FROM {{Db}}.review_actions
            WHERE pass_time >= fromUnixTimestamp({from:Int64}) AND applied_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
            """,
            ClickHouseParameters.Of(("from", from.ToUnixTimeSeconds()), ("fromMs", from.ToUnixTimeMilliseconds()),
                ("since", since.ToUnixTimeMilliseconds())), null, ct);
        while (reader.Read()) plates.Add(reader.String("plate_no"));
        return plates;
    }

    /// <summary>Passages with <c>pass_time ≥ from</c>, FINAL so a redelivered passage counts once, with the plate a
    /// review settled on (<c>passages_effective</c>): an entry misread and corrected pairs with its exit. Passages a
    /// review rejected (not a vehicle, a duplicate) are no part of any trip.</summary>
    public Task<List<Passage>> PassagesAsync(DateTimeOffset from, CancellationToken ct) => PassagesAsync(from, null, ct);

    /// <summary>As above, only of <paramref name="plates"/> when given (an incremental run).</summary>
    public async Task<List<Passage>> PassagesAsync(DateTimeOffset from, IReadOnlyCollection<string>? plates, CancellationToken ct)
    {
        var passages = new List<Passage>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT passage_id, enterprise_id, gate_id, direction, toUnixTimestamp(pass_time) AS pass_time_s, plate_no, plate_color
            FROM {{Db}}.passages_effective WHERE pass_time >= fromUnixTimestamp({from:Int64}) AND review_status != 'rejected'
            {{(plates is null ? "" : "AND plate_no IN {plates:Array(String)}")}}
            """,
            ClickHouseParameters.Of(("from", from.ToUnixTimeSeconds()), ("plates", plates?.ToArray() ?? Array.Empty<string>())), null, ct);
        while (reader.Read())
        {
            // Stored plates and colours were validated on the way in; a row that no longer parses is skipped
            // rather than failing the whole run.
            if (!PlateNumber.TryParse(reader.String("plate_no"), out var plate, out _)
                || !PlateColor.TryParse(reader.String("plate_color"), out var color, out _))
                continue;
            passages.Add(new Passage(reader.Uuid("passage_id").ToString("D"), reader.String("enterprise_id"), reader.String("gate_id"),
                new VehicleKey(plate, color), (Direction)reader.Int32("direction"),
                DateTimeOffset.FromUnixTimeSeconds(reader.Int64("pass_time_s")).ToOffset(ChinaTime.Offset)));
        }
        return passages;
    }

    /// <summary>Weighings with a plate and <c>weigh_time ≥ from</c>. Weighbridges do not report the plate colour,
    /// so a weighing takes the colour of the window's passages with its plate at its enterprise; a plate seen in
    /// two colours is ambiguous and its weighings are left out rather than guessed.</summary>
    public async Task<List<Weighing>> WeighingsAsync(DateTimeOffset from, IReadOnlyCollection<Passage> passages, CancellationToken ct)
    {
        if (passages.Count == 0) return [];
        var colours = passages.GroupBy(p => (p.EnterpriseId, p.Vehicle.Plate.Text))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Vehicle).Distinct().ToList());
        var weighings = new List<Weighing>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT weighing_id, enterprise_id, plate_no, toUnixTimestamp64Milli(weigh_time) AS weigh_time_ms, toFloat64(weight_kg) AS weight_kg_f, cargo_name
            FROM {{Db}}.weighings FINAL
            WHERE weigh_time >= fromUnixTimestamp64Milli({from:Int64}) AND plate_no IN {plates:Array(String)}
            """,
            ClickHouseParameters.Of(("from", from.ToUnixTimeMilliseconds()),
                ("plates", passages.Select(p => p.Vehicle.Plate.Text).Distinct().ToArray())), null, ct);
        while (reader.Read())
        {
            var enterpriseId = reader.String("enterprise_id");
            if (!colours.TryGetValue((enterpriseId, reader.String("plate_no")), out var vehicles) || vehicles.Count != 1)
                continue;
            var cargo = reader.String("cargo_name");
            weighings.Add(new Weighing(reader.Uuid("weighing_id").ToString("D"), enterpriseId, vehicles[0],
                DateTimeOffset.FromUnixTimeMilliseconds(reader.Int64("weigh_time_ms")).ToOffset(ChinaTime.Offset),
                (int)Math.Round(reader.Double("weight_kg_f"), MidpointRounding.AwayFromZero),
                cargo.Length == 0 ? null : cargo));
        }
        return weighings;
    }
}
