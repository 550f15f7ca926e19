using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Rating.Rules;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Rating;

/// <summary>Drills a metric down to its records (<c>dataplatform rating evidence --metric X</c>): the trips (same
/// facts as the daily refresh: <see cref="RatingDailySql.TripFacts"/>), shipments or register records behind its
/// numerator and denominator, each trip with its passages, pictures and weighings.</summary>
public sealed class RatingEvidence(ClickHouseClient client, IOptions<ClickHouseOptions> options, RuleSetProvider rules)
{
    private string Db => $"`{options.Value.Database}`";

    public async Task<IReadOnlyList<EvidenceRow>> ListAsync(
        string enterpriseId, RatingPeriod period, string metric, string? rulesId, CancellationToken ct)
    {
        if (!MetricNames.Ratios.Contains(metric))
            throw new ArgumentException($"未知指标 unknown metric '{metric}'; one of {string.Join(", ", MetricNames.Ratios)}");
        var set = rules.Get(rulesId);
        var rows = new List<EvidenceRow>();
        switch (metric)
        {
            case MetricNames.InPlantCompliance:
                rows.AddRange(await RegisterAsync("in_plant_vehicles", "in-plant", enterpriseId, period, set.InPlantMinimumStage, ct));
                break;
            case MetricNames.NonRoadCompliance:
                rows.AddRange(await RegisterAsync("non_road_machinery", "non-road", enterpriseId, period, set.NonRoadMinimumStage, ct));
                break;
            case MetricNames.CleanTransportRatio or MetricNames.CleanTransportRatioInclNev:
                rows.AddRange(await ShipmentsAsync(enterpriseId, period, ct));
                rows.AddRange(await TripsAsync(enterpriseId, period, (heavy, stage) => (
                    metric == MetricNames.CleanTransportRatioInclNev && heavy && StageRank.IsElectric(stage), true), ct));
                break;
            case MetricNames.NevHeavyShareTrips:
                rows.AddRange(await TripsAsync(enterpriseId, period, (heavy, stage) => (heavy && StageRank.IsElectric(stage), heavy), ct));
                break;
            default: // compliant road share, tonnes or trips
                rows.AddRange(await TripsAsync(enterpriseId, period,
                    (heavy, stage) => (heavy && StageRank.IsAtLeast(stage, set.RoadMinimumStage), heavy), ct));
                break;
        }
        return rows.Where(r => r.InDenominator || r.InNumerator).ToList();
    }

    private async Task<List<EvidenceRow>> TripsAsync(
        string enterpriseId, RatingPeriod period, Func<bool, string, (bool Numerator, bool Denominator)> counts, CancellationToken ct)
    {
        var rows = new List<EvidenceRow>();
        using (var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT toString(trip_id) AS id, formatDateTime(entry_time, '%Y-%m-%d %H:%i:%S') AS time, plate_no, vehicle_type, stage, heavy, kg,
                   arrayFilter(x -> x != '', [toString(entry_passage_id), ifNull(toString(exit_passage_id), '')]) AS passage_ids,
                   arrayMap(x -> toString(x), weighing_ids) AS weighings, cargo_name
            FROM ({{RatingDailySql.TripFacts(Db)}})
            WHERE enterprise_id = {enterprise:String}
            ORDER BY entry_time, trip_id
            """, Parameters(enterpriseId, period), null, ct))
        {
            while (reader.Read())
            {
                var heavy = Convert.ToBoolean(reader.GetValue(reader.GetOrdinal("heavy")), CultureInfo.InvariantCulture);
                var stage = Text(reader, "stage");
                var (num, den) = counts(heavy, stage);
                rows.Add(new EvidenceRow("trip", Text(reader, "id"), Text(reader, "time"), Text(reader, "plate_no"),
                    Text(reader, "vehicle_type"), stage, MetricFormulas.Tonnes(Convert.ToInt64(reader.GetValue(reader.GetOrdinal("kg")), CultureInfo.InvariantCulture)),
                    num, den, (string[])reader.GetValue(reader.GetOrdinal("passage_ids")), [],
                    (string[])reader.GetValue(reader.GetOrdinal("weighings")), Text(reader, "cargo_name")));
            }
        }
        var pictures = await PicturesAsync(enterpriseId, rows.SelectMany(r => r.Passages).ToArray(), ct);
        return rows.Select(r => r with { Pictures = r.Passages.SelectMany(p => pictures.GetValueOrDefault(p) ?? []).ToList() }).ToList();
    }

    private async Task<Dictionary<string, string[]>> PicturesAsync(string enterpriseId, string[] passageIds, CancellationToken ct)
    {
        var pictures = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (passageIds.Length == 0) return pictures;
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT DISTINCT toString(passage_id), pictures FROM {Db}.passages WHERE enterprise_id = {{enterprise:String}} AND toString(passage_id) IN {{ids:Array(String)}}",
            ClickHouseParameters.Of(("enterprise", enterpriseId), ("ids", passageIds)), null, ct);
        while (reader.Read()) pictures[reader.GetString(0)] = (string[])reader.GetValue(1);
        return pictures;
    }

    private async Task<List<EvidenceRow>> ShipmentsAsync(string enterpriseId, RatingPeriod period, CancellationToken ct)
    {
        var rows = new List<EvidenceRow>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT toString(shipment_id) AS id, toString(ship_date) AS day, mode, direction, material, toString(tonnes) AS tonnes, reference
            FROM {{Db}}.{{RatingTables.CleanModeShipments}} FINAL
            WHERE enterprise_id = {enterprise:String} AND ship_date BETWEEN toDate({from:String}) AND toDate({to:String})
            ORDER BY ship_date, reference, shipment_id
            """, Parameters(enterpriseId, period), null, ct);
        while (reader.Read())
            rows.Add(new EvidenceRow("shipment", Text(reader, "id"), Text(reader, "day"), "", $"{Text(reader, "mode")}/{Text(reader, "direction")}", "",
                decimal.Parse(Text(reader, "tonnes"), CultureInfo.InvariantCulture), true, true, [], [], [],
                $"{Text(reader, "reference")} {Text(reader, "material")}"));
        return rows;
    }

    private async Task<List<EvidenceRow>> RegisterAsync(
        string table, string kind, string enterpriseId, RatingPeriod period, string minimumStage, CancellationToken ct)
    {
        var rows = new List<EvidenceRow>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT registration_code, argMax(formatDateTime(changed_at, '%Y-%m-%d %H:%i:%S'), version) AS time,
                   argMax(plate_no, version) AS plate, argMax(stage, version) AS stage, argMax(fuel, version) AS fuel
            FROM {{Db}}.{{table}} FINAL
            WHERE enterprise_id = {enterprise:String} AND changed_at < toDateTime64({end:String}, 3, 'Asia/Shanghai')
            GROUP BY registration_code ORDER BY registration_code
            """, Parameters(enterpriseId, period), null, ct);
        while (reader.Read())
        {
            var stage = Text(reader, "stage");
            rows.Add(new EvidenceRow(kind, Text(reader, "registration_code"), Text(reader, "time"), Text(reader, "plate"), "", stage, 0m,
                StageRank.IsAtLeast(stage, minimumStage), true, [], [], [], Text(reader, "fuel")));
        }
        return rows;
    }

    private static ClickHouse.Driver.ADO.Parameters.ClickHouseParameterCollection Parameters(string enterpriseId, RatingPeriod period) =>
        ClickHouseParameters.Of(("enterprise", enterpriseId), ("from", RatingFigures.Day(period.From)), ("to", RatingFigures.Day(period.To)),
            ("end", RatingFigures.Day(period.To.AddDays(1)) + " 00:00:00"));

    private static string Text(DbDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));
}
