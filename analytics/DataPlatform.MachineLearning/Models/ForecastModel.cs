using DataPlatform.MachineLearning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataPlatform.MachineLearning.Models;

/// <summary>The traffic forecast: FastTree regression of hourly passages on <see cref="ForecastFeatures"/>.
/// Fixed seed and one thread, so the same rows give the same model.</summary>
public static class ForecastModel
{
    public const string Trainer = "FastTree";

    private sealed class Prediction
    {
        [ColumnName("Score")] public float Score { get; set; }
    }

    public static TrainedModel Train(MLContext ml, IEnumerable<ForecastFeatures> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", ForecastFeatures.Names)
            .Append(ml.Regression.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(ForecastFeatures.Label), NumberOfLeaves = 16, NumberOfTrees = 120, MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.1, NumberOfThreads = 1, Seed = 1,
            }));
        return new TrainedModel(pipeline.Fit(data), data.Schema);
    }

    /// <summary>Expected passages per row, never negative.</summary>
    public static IReadOnlyList<float> Predict(MLContext ml, TrainedModel model, IReadOnlyList<ForecastFeatures> rows)
    {
        if (rows.Count == 0) return [];
        var scored = model.Transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(p => Math.Max(0f, p.Score))];
    }
}
