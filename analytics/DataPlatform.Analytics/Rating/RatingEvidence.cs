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
                var heavy = Convert.ToBoolean(reader.Value("heavy"), CultureInfo.InvariantCulture);
                var stage = reader.String("stage");
                var (num, den) = counts(heavy, stage);
                rows.Add(new EvidenceRow("trip", reader.String("id"), reader.String("time"), reader.String("plate_no"),
                    reader.String("vehicle_type"), stage, MetricFormulas.Tonnes(reader.Int64("kg")),
                    num, den, reader.Strings("passage_ids"), [],
                    reader.Strings("weighings"), reader.String("cargo_name")));
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
            $"SELECT DISTINCT toString(passage_id) AS passage_key, pictures FROM {Db}.passages WHERE enterprise_id = {{enterprise:String}} AND toString(passage_id) IN {{ids:Array(String)}}",
            ClickHouseParameters.Of(("enterprise", enterpriseId), ("ids", passageIds)), null, ct);
        while (reader.Read()) pictures[reader.String("passage_key")] = reader.Strings("pictures");
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
            rows.Add(new EvidenceRow("shipment", reader.String("id"), reader.String("day"), "", $"{reader.String("mode")}/{reader.String("direction")}", "",
                decimal.Parse(reader.String("tonnes"), CultureInfo.InvariantCulture), true, true, [], [], [],
                $"{reader.String("reference")} {reader.String("material")}"));
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
            var stage = reader.String("stage");
            rows.Add(new EvidenceRow(kind, reader.String("registration_code"), reader.String("time"), reader.String("plate"), "", stage, 0m,
                StageRank.IsAtLeast(stage, minimumStage), true, [], [], [], reader.String("fuel")));
        }
        return rows;
    }

    private static ClickHouse.Driver.ADO.Parameters.ClickHouseParameterCollection Parameters(string enterpriseId, RatingPeriod period) =>
        ClickHouseParameters.Of(("enterprise", enterpriseId), ("from", RatingFigures.Day(period.From)), ("to", RatingFigures.Day(period.To)),
            ("end", RatingFigures.Day(period.To.AddDays(1)) + " 00:00:00"));
}
