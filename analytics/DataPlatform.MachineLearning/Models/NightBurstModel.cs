using DataPlatform.MachineLearning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataPlatform.MachineLearning.Models;

/// <summary>RandomizedPca on normalised gate-hour features. The score is the reconstruction error (higher = further
/// from the usual shapes). A second opinion written beside each night-burst flag, not the decision (see
/// <see cref="Anomalies.NightBurstDetector"/>): the error is relative, and an extreme hour can pull a component towards
/// itself and look ordinary.</summary>
public static class NightBurstModel
{
    public const string Trainer = "RandomizedPca";

    private sealed class Prediction
    {
        [ColumnName("Score")] public float Score { get; set; }
    }

    public static TrainedModel Train(MLContext ml, IEnumerable<GateHourFeatures> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(GateHourFeatures.Features))
            .Append(ml.AnomalyDetection.Trainers.RandomizedPca(new Microsoft.ML.Trainers.RandomizedPcaTrainer.Options
            {
                FeatureColumnName = nameof(GateHourFeatures.Features), Rank = 2, Seed = 1, EnsureZeroMean = true,
            }));
        return new TrainedModel(pipeline.Fit(data), data.Schema);
    }

    public static IReadOnlyList<float> Score(MLContext ml, TrainedModel model, IReadOnlyList<GateHourFeatures> rows)
    {
        if (rows.Count == 0) return [];
        var scored = model.Transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(p => p.Score)];
    }
}
