using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Rules;
using Microsoft.Extensions.Options;

namespace DataPlatform.MachineLearning.Ledger;

/// <summary>Reads what the models and rules learn from, as pure facts: hourly counts, passages with their decision,
/// weighings, sightings, opacity readings and vehicle profiles. Every query is bounded by [from, to) and uses FINAL,
/// so a redelivered row is counted once.</summary>
public sealed class LedgerFactsReader(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Db => $"`{options.Value.Database}`";

    private static ClickHouse.Driver.ADO.Parameters.ClickHouseParameterCollection Window(DateTimeOffset from, DateTimeOffset to) =>
        ClickHouseParameters.Of(("from", UnixTime.Utc(from)), ("to", UnixTime.Utc(to)));

    /// <summary>Hourly passages per enterprise × gate × direction, with the alert level seen on each hour's decisions.</summary>
    public async Task<IReadOnlyList<HourlySeries>> HourlySeriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var counts = new Dictionary<SeriesKey, Dictionary<long, float>>();
        using (var reader = await client.ExecuteReaderAsync(
                   $"""
                   SELECT enterprise_id, gate_id, direction, intDiv(toUnixTimestamp(pass_time), 3600) AS hour, count() AS passages
                   FROM {Db}.passages FINAL
                   WHERE pass_time >= {"{from:DateTime}"} AND pass_time < {"{to:DateTime}"}
                   GROUP BY enterprise_id, gate_id, direction, hour
                   """, Window(from, to), null, ct))
            while (reader.Read())
            {
                var key = new SeriesKey(UnixTime.Text(reader, "enterprise_id"), UnixTime.Text(reader, "gate_id"), Int(reader, "direction"));
                if (!counts.TryGetValue(key, out var series)) counts[key] = series = [];
                series[Long(reader, "hour")] = Long(reader, "passages");
            }
        var alerts = new Dictionary<string, Dictionary<long, int>>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
                   $"""
                   SELECT enterprise_id, intDiv(toUnixTimestamp(pass_time), 3600) AS hour, argMax(control_status, decided_at) AS status
                   FROM {Db}.gate_decisions FINAL
                   WHERE pass_time >= {"{from:DateTime}"} AND pass_time < {"{to:DateTime}"}
                   GROUP BY enterprise_id, hour
                   """, Window(from, to), null, ct))
            while (reader.Read())
            {
                var enterprise = UnixTime.Text(reader, "enterprise_id");
                if (!alerts.TryGetValue(enterprise, out var levels)) alerts[enterprise] = levels = [];
                levels[Long(reader, "hour")] = AlertLevels.FromControlStatus(UnixTime.Text(reader, "status"));
            }
        // The ledger's first hour per plant: earlier hours are unknown, not quiet.
        var since = counts.GroupBy(kv => kv.Key.EnterpriseId).ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value.Keys).Min());
        return [.. counts.OrderBy(kv => kv.Key.EnterpriseId).ThenBy(kv => kv.Key.GateId).ThenBy(kv => kv.Key.Direction)
            .Select(kv => new HourlySeries(kv.Key, since[kv.Key.EnterpriseId], kv.Value, alerts.GetValueOrDefault(kv.Key.EnterpriseId) ?? []))];
    }

    /// <summary>Passages with their gate decision's outcome ("" when not decided).</summary>
    public async Task<IReadOnlyList<PassageFact>> PassagesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT p.passage_id AS passage_id, p.enterprise_id AS enterprise_id, p.gate_id AS gate_id, p.direction AS direction,
                   toUnixTimestamp(p.pass_time) AS pass_s, p.plate_no AS plate_no, p.vehicle_type AS vehicle_type, p.device_id AS device_id,
                   p.pictures AS pictures, d.outcome AS outcome
            FROM {Db}.passages AS p FINAL
            LEFT JOIN (SELECT passage_id, outcome FROM {Db}.gate_decisions FINAL
                       WHERE pass_time >= {"{from:DateTime}"} AND pass_time < {"{to:DateTime}"}) AS d ON d.passage_id = p.passage_id
            WHERE p.pass_time >= {"{from:DateTime}"} AND p.pass_time < {"{to:DateTime}"}
            ORDER BY p.pass_time, p.passage_id
            """, Window(from, to), null, ct);
        var rows = new List<PassageFact>();
        while (reader.Read())
            rows.Add(new PassageFact(reader.Uuid("passage_id"), UnixTime.Text(reader, "enterprise_id"), UnixTime.Text(reader, "gate_id"),
                Int(reader, "direction"), UnixTime.Seconds(UnixTime.Value(reader, "pass_s")), UnixTime.Text(reader, "plate_no"),
                UnixTime.Text(reader, "vehicle_type"), UnixTime.Text(reader, "device_id"), (string[])UnixTime.Value(reader, "pictures"),
                UnixTime.Text(reader, "outcome")));
        return rows;
    }

    public async Task<IReadOnlyList<WeighingFact>> WeighingsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT enterprise_id, plate_no, toUnixTimestamp(toDateTime(weigh_time)) AS at_s FROM {Db}.weighings FINAL
            WHERE plate_no != '' AND weigh_time >= {"{from:DateTime}"} AND weigh_time < {"{to:DateTime}"}
            """, Window(from, to), null, ct);
        var rows = new List<WeighingFact>();
        while (reader.Read())
            rows.Add(new WeighingFact(UnixTime.Text(reader, "enterprise_id"), UnixTime.Text(reader, "plate_no"), UnixTime.Seconds(UnixTime.Value(reader, "at_s"))));
        return rows;
    }

    public async Task<IReadOnlyList<SightingFact>> SightingsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT sighting_id, enterprise_id, plate_no, gate_id, kind, toUnixTimestamp(toDateTime(pass_time)) AS at_s, registered
            FROM {Db}.non_road_sightings FINAL
            WHERE pass_time >= {"{from:DateTime}"} AND pass_time < {"{to:DateTime}"}
            """, Window(from, to), null, ct);
        var rows = new List<SightingFact>();
        while (reader.Read())
            rows.Add(new SightingFact(reader.Uuid("sighting_id"), UnixTime.Text(reader, "enterprise_id"), UnixTime.Text(reader, "plate_no"),
                UnixTime.Text(reader, "gate_id"), UnixTime.Text(reader, "kind"), UnixTime.Seconds(UnixTime.Value(reader, "at_s")), Int(reader, "registered") == 1));
        return rows;
    }

    public async Task<IReadOnlyList<OpacityObservation>> OpacityReadingsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"""
            SELECT reading_id, plate_no, toUnixTimestamp64Milli(measured_at) AS at_ms,
                   toFloat64(absorption_coefficient) AS k, toFloat64(opacity_percent) AS n
            FROM {Db}.opacity_readings FINAL
            WHERE measured_at >= {"{from:DateTime}"} AND measured_at < {"{to:DateTime}"}
            """, Window(from, to), null, ct);
        var rows = new List<OpacityObservation>();
        while (reader.Read())
            rows.Add(new OpacityObservation(reader.Uuid("reading_id"), UnixTime.Text(reader, "plate_no"),
                UnixTime.Millis(UnixTime.Value(reader, "at_ms")), Nullable(reader, "k"), Nullable(reader, "n")));
        return rows;
    }

    /// <summary>Vehicle profiles: the road-vehicle register (learnt from the national platform) where it knows the
    /// plate, else the stage the gate decided with and the type the camera reported.</summary>
    public async Task<IReadOnlyDictionary<string, VehicleProfile>> ProfilesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var profiles = new Dictionary<string, VehicleProfile>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
                   $"""
                   SELECT plate_no, argMax(stage, decided_at) AS stage, argMax(vehicle_type, decided_at) AS vehicle_type
                   FROM {Db}.gate_decisions FINAL
                   WHERE pass_time >= {"{from:DateTime}"} AND pass_time < {"{to:DateTime}"} GROUP BY plate_no
                   """, Window(from, to), null, ct))
            while (reader.Read())
            {
                var plate = UnixTime.Text(reader, "plate_no");
                profiles[plate] = new VehicleProfile(plate, "", UnixTime.Text(reader, "vehicle_type"), Stage(UnixTime.Text(reader, "stage")), "", "", null);
            }
        using (var reader = await client.ExecuteReaderAsync(
                   $"""
                   SELECT plate_no, vehicle_type, fuel, stage, owner, fields['useNature'] AS use_nature, fields['fleetName'] AS fleet,
                          fields['registerDate'] AS register_date
                   FROM {Db}.road_vehicles_latest WHERE plate_no != ''
                   """, null, null, ct))
            while (reader.Read())
            {
                var plate = UnixTime.Text(reader, "plate_no");
                var known = profiles.GetValueOrDefault(plate);
                var fleet = UnixTime.Text(reader, "fleet") is { Length: > 0 } f ? f : UnixTime.Text(reader, "owner");
                var registered = UnixTime.Text(reader, "register_date");
                profiles[plate] = new VehicleProfile(plate, fleet,
                    UnixTime.Text(reader, "vehicle_type") is { Length: > 0 } t ? t : known?.VehicleType ?? "",
                    Stage(UnixTime.Text(reader, "stage")) ?? known?.Stage, UnixTime.Text(reader, "fuel"), UnixTime.Text(reader, "use_nature"),
                    DateOnly.TryParseExact(registered, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null);
            }
        return profiles;
    }

    /// <summary>Entries (with whether they were denied) for the smoking-risk features.</summary>
    public static IEnumerable<(string Plate, DateTimeOffset At, bool Denied)> Entries(IEnumerable<PassageFact> passages) =>
        passages.Where(p => p.Direction == 1).Select(p => (p.Plate, p.PassTime, p.Outcome == "deny"));

    private static int? Stage(string text) =>
        text.Length > 0 && EmissionStage.TryParse(text, out var stage, out _) && stage != EmissionStage.None ? (int)stage : null;

    private static int Int(System.Data.Common.DbDataReader reader, string column) => Convert.ToInt32(UnixTime.Value(reader, column), CultureInfo.InvariantCulture);

    private static long Long(System.Data.Common.DbDataReader reader, string column) => Convert.ToInt64(UnixTime.Value(reader, column), CultureInfo.InvariantCulture);

    private static double? Nullable(System.Data.Common.DbDataReader reader, string column) =>
        UnixTime.Value(reader, column) is DBNull or null ? null : Convert.ToDouble(UnixTime.Value(reader, column), CultureInfo.InvariantCulture);
}
