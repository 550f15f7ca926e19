using System.Diagnostics;
using System.Text.Json;
using ClickHouse.Driver;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Gate.Calendar;
using DataPlatform.MachineLearning.Evaluation;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Forecasting;
using DataPlatform.MachineLearning.Models;
using DataPlatform.Simulation;
using DataPlatform.Simulation.History;
using Microsoft.ML;

namespace DataPlatform.Benchmarks;

/// <summary>
/// (ML) Training time and scoring throughput of the forecast and the smoking-risk model on a simulated history, next
/// to reading the same hourly features raw from the embedded ClickHouse (a window-function query of the lags), and the
/// quality figures with the seed. The history is counted in memory from the planner's pushes (the integration tests
/// send it through the platform; here only the models are timed).
/// </summary>
public static class MachineLearningBenchmark
{
    public static async Task RunAsync(EmbeddedClickHouse clickHouse, int days, int seed, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"== (ML) Models on {days} simulated days (steel, seed {seed}) ==");
        var options = new HistoryOptions(days, seed, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))) { Scale = 0.25, SpotCheckShare = 0.08 };
        var planner = new HistoryPlanner(SimulationProfile.Default, options);
        var plans = planner.Days.Select(planner.Plan).ToList();
        var series = Series(planner, plans);
        var trainer = new ForecastTrainer(ChinaHolidays.Official);
        var ml = new MLContext(seed);

        var clock = Stopwatch.StartNew();
        var rows = trainer.TrainingRows(series, options.EndDay);
        var featureTime = clock.Elapsed;
        clock.Restart();
        var model = ForecastModel.Train(ml, rows);
        var trainTime = clock.Elapsed;
        var cutoff = ChinaHours.FirstHourOf(options.EndDay);
        var probe = series.SelectMany(s => Enumerable.Range(0, ForecastFeatureBuilder.MaxHorizonHours).Select(h => trainer.Features.Build(s, cutoff, cutoff + h, false))).ToList();
        var repeats = Math.Max(1, 200_000 / probe.Count);
        clock.Restart();
        for (var i = 0; i < repeats; i++) ForecastModel.Predict(ml, model, probe);
        var hoursPerSecond = probe.Count * repeats / clock.Elapsed.TotalSeconds;
        output.WriteLine($"Forecast: {rows.Count:N0} training rows built in {featureTime.TotalSeconds:F2} s, FastTree trained in {trainTime.TotalSeconds:F2} s; scoring {hoursPerSecond:N0} hours forecast/s");

        var rawRowsPerSecond = await RawFeatureReadAsync(clickHouse, series, output, ct);
        output.WriteLine($"RATIO forecast scoring / raw ClickHouse lag read = {hoursPerSecond / rawRowsPerSecond:F2}");

        var (evaluation, _) = trainer.Evaluate(ml, series, options.EndDay, 14, seed);
        output.WriteLine($"Forecast quality (seed {seed}, hold-out 14 d): model MAE {evaluation.Model.Mae:F3} MAPE {evaluation.Model.Mape:P1} | seasonal-naive MAE {evaluation.Baseline.Mae:F3} MAPE {evaluation.Baseline.Mape:P1}");

        // Smoking risk from the history's readings; the register's view of the fleet (what the national platform serves).
        var readings = plans.SelectMany(p => p.Traffic.Readings).Where(r => r.Kind == SimulatedPushKind.Valid).Select(r =>
        {
            var body = JsonDocument.Parse(r.Body).RootElement;
            return new OpacityObservation(Guid.NewGuid(), r.VehiclePlate, r.PassTime, (double)r.AbsorptionCoefficient!, body.GetProperty("opacityPercent").GetDouble());
        }).ToList();
        var profiles = planner.Generator.Fleet.ToDictionary(v => v.Plate, v => new VehicleProfile(v.Plate, v.Carrier, v.VehicleType, (int)v.Stage, v.Fuel switch
        {
            DataPlatform.Gate.FuelType.Diesel => "B", DataPlatform.Gate.FuelType.NaturalGas => "E", _ => "A",
        }, v.UseNature == DataPlatform.Gate.UseNature.DangerousGoods ? "R" : "F",
            DataPlatform.Simulation.SimulatedRegisterDates.Of(v)), StringComparer.Ordinal); // the date the national platform lists
        var entries = plans.SelectMany(p => p.Traffic.Pushes).Where(p => p is { Kind: SimulatedPushKind.Valid, Direction: 1 }).Select(p => (p.VehiclePlate, p.PassTime, false)).ToList();
        var now = new DateTimeOffset(options.EndDay.ToDateTime(TimeOnly.MinValue), DataPlatform.Gate.ChinaTime.Offset);
        var builder = new SmokingFeatureBuilder(profiles, readings, entries);
        clock.Restart();
        var examples = builder.TrainingExamples(now, []).ToList();
        var smoking = SmokingRiskModel.Train(ml, examples);
        var smokingTrain = clock.Elapsed;
        var plates = entries.Select(e => e.VehiclePlate).Distinct(StringComparer.Ordinal).ToList();
        clock.Restart();
        var features = plates.Select(p => builder.Build(p, now)).ToList();
        var scores = SmokingRiskModel.Score(ml, smoking, features);
        var vehiclesPerSecond = plates.Count / clock.Elapsed.TotalSeconds;
        output.WriteLine($"Smoking risk: {examples.Count:N0} examples, trained in {smokingTrain.TotalSeconds:F2} s; scoring {vehiclesPerSecond:N0} vehicles/s (features + model, {plates.Count} vehicles)");
        var rankings = SmokingRiskEvaluation.Compare(plates.Select((p, i) => (p, (double)scores[i])).ToDictionary(x => x.p, x => x.Item2, StringComparer.Ordinal),
            profiles, builder.ReadingsOf, planner.Smokers, 0.05);
        foreach (var r in rankings)
            output.WriteLine($"Smoking quality (seed {seed}, budget 5 %): {r.Method,-28} precision {r.Precision:P1} recall {r.Recall:P1} ({r.Flagged} flagged, {r.Positives} smokers)");
        output.WriteLine();
    }

    private static List<HourlySeries> Series(HistoryPlanner planner, IReadOnlyList<HistoryDay> plans)
    {
        var counts = plans.SelectMany(p => p.Traffic.Pushes).Where(p => p is { Kind: SimulatedPushKind.Valid, SecondCamera: false })
            .GroupBy(p => (Gate: p.DeviceId.Split('-')[1], p.Direction))
            .ToDictionary(g => g.Key, g => g.GroupBy(p => ChinaHours.Of(p.PassTime)).ToDictionary(h => h.Key, h => (float)h.Count()));
        var since = ChinaHours.FirstHourOf(planner.Days.First());
        return [.. counts.OrderBy(kv => kv.Key.Gate).ThenBy(kv => kv.Key.Direction)
            .Select(kv => new HourlySeries(new SeriesKey(planner.Profile.EnterpriseId, kv.Key.Gate, kv.Key.Direction), since, kv.Value, new Dictionary<long, int>()))];
    }

    /// <summary>The same hourly counts in a ClickHouse table, and the lags read back with window functions.</summary>
    private static async Task<double> RawFeatureReadAsync(EmbeddedClickHouse clickHouse, IReadOnlyList<HourlySeries> series, TextWriter output, CancellationToken ct)
    {
        using var client = new ClickHouseClient(clickHouse.ConnectionString);
        await client.ExecuteNonQueryAsync("CREATE DATABASE IF NOT EXISTS bench_ml", null, null, ct);
        await client.ExecuteNonQueryAsync("CREATE OR REPLACE TABLE bench_ml.hourly (series String, hour Int64, c Float32) ENGINE = MergeTree ORDER BY (series, hour)", null, null, ct);
        var rows = series.SelectMany(s => s.Counts.Select(kv => new object?[] { s.Key.ToString(), kv.Key, kv.Value })).ToList();
        await client.InsertBinaryAsync("bench_ml.hourly", ["series", "hour", "c"], rows, null, ct);
        var clock = Stopwatch.StartNew();
        const int repeats = 5;
        long read = 0;
        for (var i = 0; i < repeats; i++)
        {
            using var reader = await client.ExecuteReaderAsync(
                """
                SELECT series, hour, c,
                       lagInFrame(c, 168) OVER w AS lag1, lagInFrame(c, 336) OVER w AS lag2,
                       avg(c) OVER (PARTITION BY series, hour % 168 ORDER BY hour ROWS BETWEEN 4 PRECEDING AND 1 PRECEDING) AS mean4
                FROM bench_ml.hourly WINDOW w AS (PARTITION BY series ORDER BY hour ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                """, null, null, ct);
            while (reader.Read()) read++;
        }
        var perSecond = read / clock.Elapsed.TotalSeconds;
        output.WriteLine($"Raw ClickHouse: the same lags read by window functions, {read / repeats:N0} rows × {repeats}: {perSecond:N0} rows/s");
        return perSecond;
    }
}
