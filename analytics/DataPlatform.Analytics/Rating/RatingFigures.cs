using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Rating;

/// <summary>Reads <see cref="PeriodFigures"/> from ClickHouse: the period's sum of <see cref="RatingTables.Daily"/>
/// (one row per enterprise × day, so a year is ~365 rows) and the in-plant / non-road registers as they stood at the
/// period's end (each record's latest version with <c>changed_at</c> before the end).</summary>
public sealed class RatingFigures(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Db => $"`{options.Value.Database}`";

    public async Task<PeriodFigures> ForPeriodAsync(string enterpriseId, RatingPeriod period, CancellationToken ct)
    {
        var all = await ReadAsync(enterpriseId, period, ct);
        return all.GetValueOrDefault(enterpriseId) ?? PeriodFigures.Empty;
    }

    /// <summary>Every enterprise with a daily row or a register record in the period.</summary>
    public Task<Dictionary<string, PeriodFigures>> ForAllAsync(RatingPeriod period, CancellationToken ct) =>
        ReadAsync(null, period, ct);

    private async Task<Dictionary<string, PeriodFigures>> ReadAsync(string? enterpriseId, RatingPeriod period, CancellationToken ct)
    {
        var filter = enterpriseId is null ? "" : "AND enterprise_id = {enterprise:String}";
        var parameters = ClickHouseParameters.Of(
            ("enterprise", enterpriseId ?? ""),
            ("from", Day(period.From)), ("to", Day(period.To)),
            ("end", Day(period.To.AddDays(1)) + " 00:00:00"));
        var daily = new Dictionary<string, PeriodFigures>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT enterprise_id,
                   sum(road_trips) AS road_trips, sum(road_kg) AS road_kg,
                   sumMap(heavy_trips_by_stage) AS heavy_trips, sumMap(heavy_kg_by_stage) AS heavy_kg,
                   mapKeys(heavy_trips) AS trip_stages, arrayMap(x -> toInt64(x), mapValues(heavy_trips)) AS trip_counts,
                   mapKeys(heavy_kg) AS kg_stages, mapValues(heavy_kg) AS kg_sums,
                   sum(unknown_stage_trips) AS unknown_trips, sum(unknown_stage_kg) AS unknown_kg,
                   toString(sum(clean_mode_tonnes)) AS clean_tonnes,
                   countIf(alert_day = 1) AS alert_days, countIf(alert_day = 0 AND passages > 0) AS normal_days,
                   sumIf(heavy_passages, alert_day = 1) AS heavy_alert, sumIf(heavy_passages, alert_day = 0) AS heavy_normal,
                   sumIf(interceptions, alert_day = 1) AS alert_interceptions
            FROM {{Db}}.{{RatingTables.Daily}} FINAL
            WHERE day BETWEEN toDate({from:String}) AND toDate({to:String}) {{filter}}
            GROUP BY enterprise_id
            """, parameters, null, ct))
        {
            while (reader.Read())
            {
                daily[reader.GetString(reader.GetOrdinal("enterprise_id"))] = PeriodFigures.Empty with
                {
                    RoadTrips = Long(reader, "road_trips"),
                    RoadKg = Long(reader, "road_kg"),
                    HeavyTripsByStage = Map(reader, "trip_stages", "trip_counts"),
                    HeavyKgByStage = Map(reader, "kg_stages", "kg_sums"),
                    UnknownStageTrips = Long(reader, "unknown_trips"),
                    UnknownStageKg = Long(reader, "unknown_kg"),
                    CleanModeTonnes = decimal.Parse(reader.GetString(reader.GetOrdinal("clean_tonnes")), CultureInfo.InvariantCulture),
                    AlertDays = (int)Long(reader, "alert_days"),
                    NormalDays = (int)Long(reader, "normal_days"),
                    HeavyPassagesAlertDays = Long(reader, "heavy_alert"),
                    HeavyPassagesNormalDays = Long(reader, "heavy_normal"),
                    AlertDayInterceptions = Long(reader, "alert_interceptions"),
                };
            }
        }
        foreach (var (table, isInPlant) in new[] { ("in_plant_vehicles", true), ("non_road_machinery", false) })
        {
            using var reader = await client.ExecuteReaderAsync(
                $$"""
                SELECT enterprise_id, stage, toInt64(count()) AS records FROM (
                    SELECT enterprise_id, registration_code, argMax(stage, version) AS stage
                    FROM {{Db}}.{{table}} FINAL
                    WHERE changed_at < toDateTime64({end:String}, 3, 'Asia/Shanghai') {{filter}}
                    GROUP BY enterprise_id, registration_code)
                GROUP BY enterprise_id, stage
                """, parameters, null, ct);
            var byEnterprise = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var e = reader.GetString(reader.GetOrdinal("enterprise_id"));
                if (!byEnterprise.TryGetValue(e, out var stages)) byEnterprise[e] = stages = new Dictionary<string, long>(StringComparer.Ordinal);
                stages[reader.GetString(reader.GetOrdinal("stage"))] = Long(reader, "records");
            }
            foreach (var (e, stages) in byEnterprise)
            {
                var f = daily.GetValueOrDefault(e) ?? PeriodFigures.Empty;
                daily[e] = isInPlant ? f with { InPlantByStage = stages } : f with { NonRoadByStage = stages };
            }
        }
        return daily;
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Long(DbDataReader reader, string column) =>
        Convert.ToInt64(reader.GetValue(reader.GetOrdinal(column)), CultureInfo.InvariantCulture);

    private static Dictionary<string, long> Map(DbDataReader reader, string keys, string values)
    {
        var k = (string[])reader.GetValue(reader.GetOrdinal(keys));
        var v = (System.Collections.IList)reader.GetValue(reader.GetOrdinal(values));
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < k.Length; i++) map[k[i]] = Convert.ToInt64(v[i], CultureInfo.InvariantCulture);
        return map;
    }
}
