using DataPlatform.Gate.Calendar;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Forecasting;
using Microsoft.ML;

namespace DataPlatform.Analytics.Tests.MachineLearning;

/// <summary>The forecast's minimum history: below it the model has no training row (NaN figures before), at it the
/// evaluation has figures.</summary>
public class ForecastHistoryTests
{
    private static readonly DateOnly DataEnd = new(2026, 12, 1);

    private static HourlySeries Days(int days)
    {
        var start = ChinaHours.FirstHourOf(DataEnd.AddDays(-days));
        var counts = new Dictionary<long, float>();
        for (var h = start; h < ChinaHours.FirstHourOf(DataEnd); h++) counts[h] = 3 + (h % 24 < 8 ? 0 : 5);
        return new HourlySeries(new SeriesKey("E1", "G01", 1), start, counts, new Dictionary<long, int>());
    }

    [Theory]
    [InlineData(15, 3)]
    [InlineData(17, 3)]
    [InlineData(18, 3)]
    [InlineData(28, 14)]
    [InlineData(29, 14)]
    public void Training_rows_exist_exactly_from_the_days_needed_on(int days, int holdout)
    {
        var series = Days(days);
        Assert.Equal(days, ForecastHistory.DaysAvailable([series], DataEnd));
        var (evaluation, model) = new ForecastTrainer(ChinaHolidays.Official).Evaluate(new MLContext(1), [series], DataEnd, holdout, 1);
        var enough = days >= ForecastHistory.DaysNeeded(holdout);
        Assert.Equal(enough, evaluation.TrainingRows > 0);
        Assert.Equal(enough, model is not null);
        Assert.Equal(enough, !double.IsNaN(evaluation.Model.Mae));
    }

    [Fact]
    public void The_message_names_the_days_needed_and_held_in_chinese_and_english()
    {
        Assert.Equal(29, ForecastHistory.DaysNeeded(14));
        var message = new NotEnoughHistoryException(15, 14).Message;
        Assert.Contains("历史数据不足：需要至少 29 天", message);
        Assert.Contains("只有 15 天", message);
        Assert.Contains("not enough history: the forecast needs at least 29 days", message);
        Assert.Equal(0, ForecastHistory.DaysAvailable([], DataEnd));
    }
}
