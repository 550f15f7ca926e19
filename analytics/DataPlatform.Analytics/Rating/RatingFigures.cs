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

    public async Task<PeriodFigures> ForPeriodAsync(string enterpriseId, RatingPeriod period, CancellationToken ct) =>
        (await ForPeriodsAsync(enterpriseId, [period], ct))[0];

    /// <summary>The figures of each of <paramref name="periods"/> for one enterprise, in one round of two statements
    /// run together (a rating with trailing months reads them all at once: the engine's per-statement cost, not the
    /// data, dominates a read of a few hundred daily rows).</summary>
    public async Task<IReadOnlyList<PeriodFigures>> ForPeriodsAsync(string enterpriseId, IReadOnlyList<RatingPeriod> periods, CancellationToken ct) =>
        [.. (await ReadAsync(enterpriseId, periods, ct)).Select(byEnterprise => byEnterprise.GetValueOrDefault(enterpriseId) ?? PeriodFigures.Empty)];

    /// <summary>Every enterprise with a daily row or a register record in the period.</summary>
    public async Task<Dictionary<string, PeriodFigures>> ForAllAsync(RatingPeriod period, CancellationToken ct) =>
        (await ReadAsync(null, [period], ct))[0];

    /// <summary>Every enterprise's figures in each of <paramref name="periods"/> (one dictionary per period, in order).</summary>
    public Task<IReadOnlyList<Dictionary<string, PeriodFigures>>> ForAllAsync(IReadOnlyList<RatingPeriod> periods, CancellationToken ct) =>
        ReadAsync(null, periods, ct);

    private async Task<IReadOnlyList<Dictionary<string, PeriodFigures>>> ReadAsync(string? enterpriseId, IReadOnlyList<RatingPeriod> periods, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(periods.Count);
        var filter = enterpriseId is null ? "" : "AND enterprise_id = {enterprise:String}";
        // Each row is counted once per period that contains it (ARRAY JOIN over the matching period numbers, 1-based).
        var parameters = ClickHouseParameters.Of(
            ("enterprise", enterpriseId ?? ""),
            ("from", Day(periods.Min(p => p.From))), ("to", Day(periods.Max(p => p.To))),
            ("end", End(periods.Max(p => p.To))),
            ("froms", periods.Select(p => Day(p.From)).ToArray()), ("tos", periods.Select(p => Day(p.To)).ToArray()),
            ("ends", periods.Select(p => End(p.To)).ToArray()));
        var figures = periods.Select(_ => new Dictionary<string, PeriodFigures>(StringComparer.Ordinal)).ToList();
        var daily = ReadDailyAsync(filter, parameters, figures, ct);
        var registers = ReadRegistersAsync(filter, parameters, periods.Count, ct);
        await Task.WhenAll(daily, registers);
        foreach (var ((period, register, e), stages) in await registers)
        {
            var f = figures[period].GetValueOrDefault(e) ?? PeriodFigures.Empty;
            figures[period][e] = register == "in_plant" ? f with { InPlantByStage = stages } : f with { NonRoadByStage = stages };
        }
        return figures;
    }

    private async Task ReadDailyAsync(string filter, ClickHouse.Driver.ADO.Parameters.ClickHouseParameterCollection parameters,
        List<Dictionary<string, PeriodFigures>> figures, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT period, enterprise_id,
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
            ARRAY JOIN arrayFilter(i -> day >= toDate({froms:Array(String)}[i]) AND day <= toDate({tos:Array(String)}[i]),
                                   arrayEnumerate({froms:Array(String)})) AS period
            WHERE day BETWEEN toDate({from:String}) AND toDate({to:String}) {{filter}}
            GROUP BY period, enterprise_id
            """, parameters, null, ct);
        while (reader.Read())
        {
            figures[(int)Long(reader, "period") - 1][reader.String("enterprise_id")] = PeriodFigures.Empty with
            {
                RoadTrips = Long(reader, "road_trips"),
                RoadKg = Long(reader, "road_kg"),
                HeavyTripsByStage = Map(reader, "trip_stages", "trip_counts"),
                HeavyKgByStage = Map(reader, "kg_stages", "kg_sums"),
                UnknownStageTrips = Long(reader, "unknown_trips"),
                UnknownStageKg = Long(reader, "unknown_kg"),
                CleanModeTonnes = decimal.Parse(reader.String("clean_tonnes"), CultureInfo.InvariantCulture),
                AlertDays = (int)Long(reader, "alert_days"),
                NormalDays = (int)Long(reader, "normal_days"),
                HeavyPassagesAlertDays = Long(reader, "heavy_alert"),
                HeavyPassagesNormalDays = Long(reader, "heavy_normal"),
                AlertDayInterceptions = Long(reader, "alert_interceptions"),
            };
        }
    }

    // Both registers in one statement: per period, each record's latest version before the period's end, counted by stage.
    private async Task<Dictionary<(int Period, string Register, string Enterprise), Dictionary<string, long>>> ReadRegistersAsync(
        string filter, ClickHouse.Driver.ADO.Parameters.ClickHouseParameterCollection parameters, int periods, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT period, register, enterprise_id, stage, toInt64(count()) AS records FROM (
                SELECT period, 'in_plant' AS register, enterprise_id, registration_code, argMax(stage, version) AS stage
                FROM {{Db}}.in_plant_vehicles FINAL
                ARRAY JOIN arrayFilter(i -> changed_at < toDateTime64({ends:Array(String)}[i], 3, 'Asia/Shanghai'),
                                       arrayEnumerate({ends:Array(String)})) AS period
                WHERE changed_at < toDateTime64({end:String}, 3, 'Asia/Shanghai') {{filter}}
                GROUP BY period, enterprise_id, registration_code
                UNION ALL
                SELECT period, 'non_road' AS register, enterprise_id, registration_code, argMax(stage, version) AS stage
                FROM {{Db}}.non_road_machinery FINAL
                ARRAY JOIN arrayFilter(i -> changed_at < toDateTime64({ends:Array(String)}[i], 3, 'Asia/Shanghai'),
                                       arrayEnumerate({ends:Array(String)})) AS period
                WHERE changed_at < toDateTime64({end:String}, 3, 'Asia/Shanghai') {{filter}}
                GROUP BY period, enterprise_id, registration_code)
            GROUP BY period, register, enterprise_id, stage
            """, parameters, null, ct);
        var byPeriod = new Dictionary<(int, string, string), Dictionary<string, long>>();
        while (reader.Read())
        {
            var period = (int)Long(reader, "period") - 1;
            if (period < 0 || period >= periods) continue;
            var key = (period, reader.String("register"), reader.String("enterprise_id"));
            if (!byPeriod.TryGetValue(key, out var stages)) byPeriod[key] = stages = new Dictionary<string, long>(StringComparer.Ordinal);
            stages[reader.String("stage")] = Long(reader, "records");
        }
        return byPeriod;
    }

    private static string End(DateOnly lastDay) => Day(lastDay.AddDays(1)) + " 00:00:00";

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Long(DbDataReader reader, string column) =>
        Convert.ToInt64(reader.Value(column), CultureInfo.InvariantCulture);

    private static Dictionary<string, long> Map(DbDataReader reader, string keys, string values)
    {
        var k = (string[])reader.Value(keys);
        var v = (System.Collections.IList)reader.Value(values);
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < k.Length; i++) map[k[i]] = Convert.ToInt64(v[i], CultureInfo.InvariantCulture);
        return map;
    }
}
