using DataPlatform.MachineLearning.Evaluation;

namespace DataPlatform.MachineLearning.Forecasting;

/// <summary>The model against seasonal-naive (same hour one week earlier) on held-out days: forecasts made at
/// each held-out day's China midnight for the next 72 hours (within the data), by a model trained only on
/// earlier days.</summary>
public sealed record ForecastEvaluation(
    DateOnly HoldoutFrom, DateOnly HoldoutTo, int TrainingRows, ForecastErrors Model, ForecastErrors Baseline, int Seed)
{
    /// <summary>The model is kept only when its MAE is lower than the baseline's.</summary>
    public bool ModelBeatsBaseline => Model.Mae < Baseline.Mae;
}
