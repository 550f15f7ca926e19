using DataPlatform.Gate;
using DataPlatform.Gate.Calendar;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Ledger;
using DataPlatform.MachineLearning.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.Forecasting;

/// <summary>What a training run did: the hold-out comparison, the <c>ml_models</c> row written, the forecast rows.
/// <paramref name="EnoughHistory"/> false: the ledger was too short to train (<see cref="ForecastHistory"/>), the
/// evaluation's figures are NaN and the baseline was kept.</summary>
public sealed record ForecastRun(ForecastEvaluation Evaluation, MlModelRow Model, IReadOnlyList<TrafficForecastRow> Forecasts, bool EnoughHistory);

/// <summary>Trains the traffic forecast from the ledger, keeps it only when it beats seasonal-naive on the hold-out
/// days, and writes the next 72 hours of every series to <c>traffic_forecasts</c>.</summary>
public sealed class ForecastService(
    LedgerFactsReader reader, MlModelsTable models, TrafficForecastsTable forecasts, ModelStore store,
    IOptions<MachineLearningOptions> options, ILogger<ForecastService> logger)
{
    public const string Kind = "traffic-forecast";
    public const string BaselineVersion = "seasonal-naive";

    private readonly ForecastTrainer _trainer = new(ChinaHolidays.Official);

    /// <summary>Model vs baseline on the last <paramref name="holdoutDays"/> whole China days before <paramref name="now"/>; writes nothing.</summary>
    /// <exception cref="NotEnoughHistoryException">Fewer days than <see cref="ForecastHistory.DaysNeeded"/>: there is nothing to compare.</exception>
    public async Task<ForecastEvaluation> EvaluateAsync(DateTimeOffset now, int holdoutDays, int seed, CancellationToken ct)
    {
        var (series, dataEnd) = await ReadAsync(now, ct);
        var evaluation = _trainer.Evaluate(new MLContext(seed), series, dataEnd, holdoutDays, seed).Evaluation;
        return Evaluated(evaluation, series, dataEnd, holdoutDays) ? evaluation
            : throw new NotEnoughHistoryException(ForecastHistory.DaysAvailable(series, dataEnd), holdoutDays);
    }

    private static bool Evaluated(ForecastEvaluation e, IReadOnlyList<HourlySeries> series, DateOnly dataEnd, int holdoutDays) =>
        e.TrainingRows > 0 && e.Model.Hours > 0 && ForecastHistory.DaysAvailable(series, dataEnd) >= ForecastHistory.DaysNeeded(holdoutDays);

    public async Task<ForecastRun> TrainAsync(DateTimeOffset now, int seed, CancellationToken ct)
    {
        var (series, dataEnd) = await ReadAsync(now, ct);
        var ml = new MLContext(seed);
        var (evaluation, _) = _trainer.Evaluate(ml, series, dataEnd, options.Value.HoldoutDays, seed);
        var enough = Evaluated(evaluation, series, dataEnd, options.Value.HoldoutDays);
        var version = ModelStore.Version(Kind, now);
        var windowFrom = series.Count == 0 ? now : ChinaHours.Start(series.Min(s => s.Since));
        var windowTo = new DateTimeOffset(dataEnd.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        // Too short a history has no figures (NaN): the row then carries only the hold-out settings.
        var metrics = new Dictionary<string, double> { ["holdout_days"] = options.Value.HoldoutDays, ["holdout_hours"] = evaluation.Model.Hours };
        if (enough)
            (metrics["mae"], metrics["mape"], metrics["baseline_mae"], metrics["baseline_mape"]) =
                (evaluation.Model.Mae, evaluation.Model.Mape, evaluation.Baseline.Mae, evaluation.Baseline.Mape);
        TrainedModel? model = null;
        MlModelRow row;
        if (enough && evaluation.ModelBeatsBaseline)
        {
            // Kept: retrained on every whole day, hold-out included, for the forecasts it will make.
            var rows = _trainer.TrainingRows(series, dataEnd);
            model = ForecastModel.Train(ml, rows);
            var path = store.PathOf(version);
            var sha = model.Save(ml, path);
            row = new MlModelRow(Kind, version, Enterprise(series), ForecastModel.Trainer, now, windowFrom, windowTo, ForecastFeatures.Names, metrics,
                rows.Count, path, sha, "active", $"模型优于季节性朴素基线 (MAE {evaluation.Model.Mae:F2} < {evaluation.Baseline.Mae:F2})");
        }
        else
        {
            // The baseline is kept, for one of two reasons: too short a history to train on, or a model that lost.
            var why = enough
                ? $"模型未优于季节性朴素基线 (MAE {evaluation.Model.Mae:F2} ≥ {evaluation.Baseline.Mae:F2})，沿用基线：上周同一小时 (the model did not beat seasonal-naive; the baseline is kept)"
                : $"{ForecastHistory.Describe(ForecastHistory.DaysAvailable(series, dataEnd), options.Value.HoldoutDays)}；未训练模型，沿用季节性朴素基线：上周同一小时 (no model trained; the seasonal-naive baseline is kept)";
            row = new MlModelRow(Kind, version, Enterprise(series), BaselineVersion, now, windowFrom, windowTo, [nameof(ForecastFeatures.Lag1Week)], metrics,
                evaluation.TrainingRows, "", "", "baseline-kept", why);
            logger.LogWarning("车流预测沿用基线 (forecast keeps the baseline): {Why}", why);
        }
        await models.InsertAsync(row, ct);
        var written = Forecast(ml, series, model, ChinaHours.Of(now), now, model is null ? BaselineVersion : version);
        await forecasts.InsertAsync(written, ct);
        return new ForecastRun(evaluation, row, written, enough);
    }

    /// <summary>The next 72 hours of every series from the cut-off hour; the model's when given, else the baseline's.</summary>
    public List<TrafficForecastRow> Forecast(MLContext ml, IReadOnlyList<HourlySeries> series, TrainedModel? model, long cutoff, DateTimeOffset at, string version)
    {
        var features = series.SelectMany(s => Enumerable.Range(0, ForecastFeatureBuilder.MaxHorizonHours)
            .Select(h => (Series: s, Row: _trainer.Features.Build(s, cutoff, cutoff + h, withLabel: false)))).ToList();
        var predicted = model is null ? features.Select(f => f.Row.Lag1Week).ToList() : [.. ForecastModel.Predict(ml, model, [.. features.Select(f => f.Row)])];
        return [.. features.Select((f, i) => new TrafficForecastRow(f.Series.Key.EnterpriseId, f.Series.Key.GateId, f.Series.Key.Direction,
            ChinaHours.Start(f.Row.TargetHour), at, (int)f.Row.Horizon, predicted[i], f.Row.Lag1Week, Kind, version))];
    }

    private async Task<(IReadOnlyList<HourlySeries> Series, DateOnly DataEnd)> ReadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaHolidays.DayOf(now);
        var from = new DateTimeOffset(today.AddDays(-options.Value.TrainingDays).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        return (await reader.HourlySeriesAsync(from, now, ct), today);
    }

    private static string Enterprise(IReadOnlyList<HourlySeries> series) =>
        string.Join(",", series.Select(s => s.Key.EnterpriseId).Distinct().Order(StringComparer.Ordinal));
}
