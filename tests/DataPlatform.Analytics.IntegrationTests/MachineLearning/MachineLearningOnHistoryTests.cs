using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Gate.Calendar;
using DataPlatform.Ledger;
using DataPlatform.MachineLearning.Anomalies;
using DataPlatform.MachineLearning.Evaluation;
using DataPlatform.MachineLearning.Forecasting;
using DataPlatform.MachineLearning.Ledger;
using DataPlatform.MachineLearning.Rules;
using DataPlatform.MachineLearning.SmokingRisk;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DataPlatform.Analytics.IntegrationTests.MachineLearning;

/// <summary>The ML layer on a simulated history that went through the real platform (<see cref="SimulatedHistory"/>,
/// shared by the class). Every model is judged on what it did not learn from — the forecast on held-out days, the
/// smoking risk and the rules on the simulator's labels — next to the baseline a plant would use without it.</summary>
[Collection(EnginesCollection.Name)]
public class MachineLearningOnHistoryTests(EnginesFixture engines, SimulatedHistory history, ITestOutputHelper output) : IClassFixture<SimulatedHistory>
{
    private async Task<IServiceProvider> ServicesAsync()
    {
        await history.EnsureAsync(engines);
        output.WriteLine(history.Timings);
        return history.Services;
    }

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await history.Platform.Client.ExecuteScalarAsync(sql, ClickHouseParameters.Of(parameters), null, CancellationToken.None),
            System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Texts(IEnumerable<Guid> ids) => [.. ids.Select(id => id.ToString())];

    [Fact]
    public async Task The_trained_forecast_beats_seasonal_naive_on_the_last_14_days_and_is_kept()
    {
        var services = await ServicesAsync();
        var run = await services.GetRequiredService<ForecastService>().TrainAsync(history.Now, SimulatedHistory.Seed, CancellationToken.None);
        var e = run.Evaluation;
        output.WriteLine($"seed {SimulatedHistory.Seed} (simulated): model MAE {e.Model.Mae:F3} MAPE {e.Model.Mape:P1}; seasonal-naive MAE {e.Baseline.Mae:F3} MAPE {e.Baseline.Mape:P1}; {e.Model.Hours} held-out hours, {e.TrainingRows} training rows");

        // Held out: the last 14 whole China days, none of which the evaluated model was trained on (ForecastTrainer).
        var today = ChinaHolidays.DayOf(history.Now);
        Assert.Equal(today.AddDays(-14), e.HoldoutFrom);
        Assert.Equal(today.AddDays(-1), e.HoldoutTo);
        Assert.True(e.Model.Hours > 14 * 24 * 4, $"hold-out hours: {e.Model.Hours}"); // 2 gates × 2 directions, 72 h from each midnight
        Assert.Equal(e.Model.Hours, e.Baseline.Hours);
        Assert.True(e.Model.Mae < e.Baseline.Mae, $"model MAE {e.Model.Mae} vs baseline {e.Baseline.Mae}");

        Assert.Equal("active", run.Model.Status);
        Assert.True(File.Exists(run.Model.ModelPath));
        var stored = await services.GetRequiredService<MlModelsTable>().LatestAsync(ForecastService.Kind, CancellationToken.None);
        Assert.Equal(run.Model.ModelVersion, stored!.ModelVersion);
        Assert.Equal(run.Model.ModelSha256, stored.ModelSha256);
        Assert.True(stored.Metrics["mae"] < stored.Metrics["baseline_mae"]);
        var shown = await services.GetRequiredService<TrafficForecastsTable>().LatestAsync("G01", history.Now.AddHours(-1), CancellationToken.None);
        Assert.Equal(2 * 72, shown.Count); // G01 in and out, 72 hours each
        Assert.All(shown, r => Assert.Equal(run.Model.ModelVersion, r.ModelVersion));
    }

    [Fact]
    public async Task Smoking_risk_beats_both_baselines_on_precision_at_the_same_budget()
    {
        var services = await ServicesAsync();
        var run = await services.GetRequiredService<SmokingRiskService>().RunAsync(history.Now, SimulatedHistory.Seed, persist: false, CancellationToken.None);
        // The simulator's smoker list is the answer key: it never went to the platform, the model was trained on readings.
        var rankings = SmokingRiskEvaluation.Compare(run.Scores, run.Profiles, run.Features.ReadingsOf, history.Planner.Smokers, 0.05);
        foreach (var r in rankings)
            output.WriteLine($"seed {SimulatedHistory.Seed} (simulated) {r.Method}: flagged {r.Flagged}/{r.Vehicles}, precision {r.Precision:P1}, recall {r.Recall:P1} ({r.Positives} smokers)");
        var model = rankings.Single(r => r.Method == SmokingRiskEvaluation.Model);
        Assert.True(run.Scores.Count >= SimulatedHistory.FleetSize * 0.9, $"vehicles scored: {run.Scores.Count}");
        // Register age is a real feature here: the national platform's register dates reached the road register.
        var dated = run.Profiles.Values.Count(p => p.RegisterDate is not null);
        output.WriteLine($"vehicles with a register date: {dated} of {run.Profiles.Count}");
        Assert.True(dated >= SimulatedHistory.FleetSize * 0.9, $"vehicles with a register date: {dated}");
        Assert.True(model.Positives >= 5, $"smokers among the scored: {model.Positives}");
        Assert.Equal(BudgetedRanking.BudgetCount(run.Scores.Count, 0.05), model.Flagged);
        Assert.All(rankings.Where(r => r != model), b => Assert.True(model.Precision > b.Precision, $"{b.Method} {b.Precision:P1} vs model {model.Precision:P1}"));
    }

    [Fact]
    public async Task A_planted_cloned_plate_guard_override_and_night_burst_are_flagged_with_evidence_and_alarms_and_reviews_are_kept()
    {
        var services = await ServicesAsync();
        var scanner = services.GetRequiredService<AnomalyScanService>();
        var scan = await scanner.ScanAsync(history.Now, SimulatedHistory.Seed, CancellationToken.None);
        foreach (var kind in scan.Found.GroupBy(f => f.Kind)) output.WriteLine($"{kind.Key}: {kind.Count()}");
        var labels = history.Planner.Labels;
        foreach (var p in LabelledEvaluation.Match([.. labels.Planted.Select(p => (p.Kind, p.Subject))], [.. scan.Found.Select(f => (f.FlagId, f))]))
            output.WriteLine($"planted {p.Kind} {p.Subject}: {(p.Found ? "flagged" : "missed")}");

        var clonePlate = labels.Planted.Single(p => p.Kind == AnomalyKinds.ClonedPlate).Subject;
        var clone = Assert.Single(scan.Found, f => f.Kind == AnomalyKinds.ClonedPlate && f.Subject == clonePlate);
        Assert.Equal(2, clone.PassageIds.Count);
        Assert.Equal(2, await CountAsync("SELECT uniqExact(gate_id) FROM passages FINAL WHERE toString(passage_id) IN {ids:Array(String)}",
            ("ids", Texts(clone.PassageIds))));
        // Nothing but the planted copy is called a cloned plate.
        Assert.Single(scan.Found, f => f.Kind == AnomalyKinds.ClonedPlate);

        var guard = Assert.Single(scan.Found, f => f.Kind == AnomalyKinds.GuardOverride && f.Subject == history.Planner.OverrideVehicle.Plate);
        Assert.True(guard.PassageIds.Count >= 3, $"evidence: {guard.PassageIds.Count} passages");
        Assert.Equal(1, await CountAsync("SELECT count() FROM passages FINAL WHERE toString(passage_id) = {id:String} AND startsWith(device_id, 'guard:')",
            ("id", guard.PassageIds[^1].ToString())));
        // The evidence before the manual passage is the gate's denials.
        Assert.Equal(guard.PassageIds.Count - 1, await CountAsync(
            "SELECT countIf(outcome = 'deny') FROM gate_decisions FINAL WHERE toString(passage_id) IN {ids:Array(String)}",
            ("ids", Texts(guard.PassageIds.SkipLast(1)))));

        // Stored once each, with an alarm through the alarm writer; a re-scan raises nothing new.
        Assert.Equal(1, await CountAsync("SELECT count() FROM anomaly_flags WHERE flag_id = {id:UUID}", ("id", clone.FlagId)));
        Assert.Equal(1, await CountAsync("SELECT count() FROM alarms FINAL WHERE rule_id = 'anomaly-flag' AND source_id = {id:String}", ("id", clone.FlagId.ToString())));
        Assert.Equal(1, await CountAsync("SELECT count() FROM alarms FINAL WHERE rule_id = 'anomaly-flag' AND source_id = {id:String}", ("id", guard.FlagId.ToString())));
        var again = await scanner.ScanAsync(history.Now, SimulatedHistory.Seed, CancellationToken.None);
        Assert.DoesNotContain(again.NewFlags, f => f.FlagId == clone.FlagId || f.FlagId == guard.FlagId);

        // The planted night burst (≥ 30 unknown trucks at one gate, 02:00–03:00) is flagged at its hour with its
        // passages, and ordinary night hours mostly are not.
        var planted = labels.Planted.Single(p => p.Kind == AnomalyKinds.NightBurst);
        var bursts = scan.Found.Where(f => f.Kind == AnomalyKinds.NightBurst).ToList();
        foreach (var b in bursts) output.WriteLine($"night burst {b.Subject} {b.ObservedFrom:yyyy-MM-dd HH:mm}: score {b.Score:F1}, {b.PassageIds.Count} passages; {b.Detail}");
        var burst = Assert.Single(bursts, f => f.Subject == planted.Subject && f.ObservedFrom == planted.At);
        Assert.True(burst.PassageIds.Count >= 30, $"evidence: {burst.PassageIds.Count} passages");
        Assert.Equal(burst.PassageIds.Count, await CountAsync(
            "SELECT count() FROM passages FINAL WHERE toString(passage_id) IN {ids:Array(String)} AND gate_id = {gate:String} AND direction = 1",
            ("ids", Texts(burst.PassageIds)), ("gate", planted.Subject)));
        Assert.True(burst.Score >= NightBurstDetector.MinRobustScore, $"score {burst.Score}");
        Assert.True(bursts.Count <= 3, $"night-burst flags: {bursts.Count} (ordinary nights flagged)");

        var flags = services.GetRequiredService<AnomalyFlagsTable>();
        var reviewed = await flags.ReviewAsync(clone.FlagId, FlagStatus.Confirmed, "inspector-li", "现场核实为套牌车", history.Now, CancellationToken.None);
        Assert.Equal(2, reviewed.Version);
        var current = Assert.Single(await flags.ListAsync(AnomalyKinds.ClonedPlate, FlagStatus.Confirmed, null, 10, CancellationToken.None));
        Assert.Equal(clone.FlagId, current.FlagId);
        Assert.Equal(2, await CountAsync("SELECT count() FROM anomaly_flags WHERE flag_id = {id:UUID}", ("id", clone.FlagId)));
    }
}
