using DataPlatform.MachineLearning.Features;

namespace DataPlatform.MachineLearning.Forecasting;

/// <summary>
/// How much history the forecast needs: two weeks of warm-up (the 1- and 2-week lags) before the first training
/// day, at least one training day, then the held-out days. With less, the model has no training row (its figures
/// would be NaN): <c>forecast evaluate</c> refuses with <see cref="NotEnoughHistoryException"/> and the training run
/// keeps the seasonal-naive baseline and says why. Pure.
/// </summary>
public static class ForecastHistory
{
    public static int DaysNeeded(int holdoutDays) => ForecastTrainer.WarmUpDays + 1 + holdoutDays;

    /// <summary>Whole China days from the first hour any series has to <paramref name="dataEnd"/> (exclusive).</summary>
    public static int DaysAvailable(IReadOnlyList<HourlySeries> series, DateOnly dataEnd) =>
        series.Count == 0 ? 0 : Math.Max(0, dataEnd.DayNumber - ChinaHours.Day(series.Min(s => s.Since)).DayNumber);

    /// <summary>中文 + English, for the CLI's error line and the <c>ml_models</c> note.</summary>
    public static string Describe(int available, int holdoutDays) =>
        $"历史数据不足：需要至少 {DaysNeeded(holdoutDays)} 天（{ForecastTrainer.WarmUpDays} 天滞后特征预热 + 1 天训练 + {holdoutDays} 天留出），台账中只有 {available} 天 " +
        $"(not enough history: the forecast needs at least {DaysNeeded(holdoutDays)} days — {ForecastTrainer.WarmUpDays} warm-up days for its lag features, " +
        $"1 training day, {holdoutDays} held-out days — and the ledger holds {available})";
}

/// <summary>The ledger holds too few days to train and evaluate the forecast.</summary>
public sealed class NotEnoughHistoryException(int available, int holdoutDays) : Exception(ForecastHistory.Describe(available, holdoutDays))
{
    public int DaysAvailable { get; } = available;

    public int DaysNeeded { get; } = ForecastHistory.DaysNeeded(holdoutDays);
}
