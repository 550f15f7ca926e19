using DataPlatform.Gate.Calendar;
using DataPlatform.MachineLearning.Evaluation;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Models;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.Forecasting;

/// <summary>Trains and evaluates the traffic forecast on hourly series already read from the ledger (no I/O).
/// Training cut-offs are daily at China midnight from two weeks after the data starts (the lags need them).</summary>
public sealed class ForecastTrainer(ChinaHolidays holidays)
{
    public const int WarmUpDays = 14;

    private readonly ForecastFeatureBuilder _features = new(holidays);

    public ForecastFeatureBuilder Features => _features;

    /// <summary>Training examples whose target hours lie before <paramref name="endExclusive"/>.</summary>
    public List<ForecastFeatures> TrainingRows(IReadOnlyList<HourlySeries> series, DateOnly endExclusive)
    {
        var end = ChinaHours.FirstHourOf(endExclusive);
        var rows = new List<ForecastFeatures>();
        foreach (var s in series)
        {
            var first = ChinaHours.Day(s.Since).AddDays(WarmUpDays);
            rows.AddRange(_features.DailyCutoffs(s, Days(first, endExclusive), withLabel: true, endExclusive: end));
        }
        return rows;
    }

    /// <summary>Trains on the days before the last <paramref name="holdoutDays"/> and scores model and baseline on them.</summary>
    public (ForecastEvaluation Evaluation, TrainedModel? Model) Evaluate(MLContext ml, IReadOnlyList<HourlySeries> series, DateOnly dataEnd, int holdoutDays, int seed)
    {
        var holdoutFrom = dataEnd.AddDays(-holdoutDays);
        var training = TrainingRows(series, holdoutFrom);
        var end = ChinaHours.FirstHourOf(dataEnd);
        var test = series.SelectMany(s => _features.DailyCutoffs(s, Days(holdoutFrom, dataEnd), withLabel: true, endExclusive: end)).ToList();
        if (training.Count == 0 || test.Count == 0)
            return (new ForecastEvaluation(holdoutFrom, dataEnd.AddDays(-1), training.Count, ForecastErrors.Of([]), ForecastErrors.Of([]), seed), null);
        var model = ForecastModel.Train(ml, training);
        var predicted = ForecastModel.Predict(ml, model, test);
        var modelErrors = ForecastErrors.Of([.. test.Select((r, i) => ((double)r.Label, (double)predicted[i]))]);
        var baseline = ForecastErrors.Of([.. test.Select(r => ((double)r.Label, (double)r.Lag1Week))]);
        return (new ForecastEvaluation(holdoutFrom, dataEnd.AddDays(-1), training.Count, modelErrors, baseline, seed), model);
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly toExclusive)
    {
        for (var d = from; d < toExclusive; d = d.AddDays(1)) yield return d;
    }
}
