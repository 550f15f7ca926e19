using DataPlatform.MachineLearning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataPlatform.MachineLearning.Models;

/// <summary>Smoking risk: FastTree binary classification of "the next reading is over the limit" on
/// <see cref="SmokingFeatures"/>; the score is the calibrated probability.</summary>
public static class SmokingRiskModel
{
    public const string Trainer = "FastTree";

    private sealed class Prediction
    {
        [ColumnName("Probability")] public float Probability { get; set; }
    }

    public static TrainedModel Train(MLContext ml, IEnumerable<SmokingFeatures> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", SmokingFeatures.Names)
            .Append(ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                LabelColumnName = nameof(SmokingFeatures.Label), NumberOfLeaves = 8, NumberOfTrees = 80, MinimumExampleCountPerLeaf = 10,
                LearningRate = 0.1, NumberOfThreads = 1, Seed = 1,
            }));
        return new TrainedModel(pipeline.Fit(data), data.Schema);
    }

    public static IReadOnlyList<float> Score(MLContext ml, TrainedModel model, IReadOnlyList<SmokingFeatures> rows)
    {
        if (rows.Count == 0) return [];
        var scored = model.Transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        return [.. ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(p => p.Probability)];
    }
}
