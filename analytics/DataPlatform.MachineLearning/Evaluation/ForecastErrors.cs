namespace DataPlatform.MachineLearning.Evaluation;

/// <summary>Errors of a forecast over held-out hours. MAPE is over hours with at least one passage (an empty hour has
/// no percentage error); <see cref="HoursWithTraffic"/> says how many that was.</summary>
public sealed record ForecastErrors(double Mae, double Mape, int Hours, int HoursWithTraffic)
{
    public static ForecastErrors Of(IReadOnlyList<(double Actual, double Predicted)> pairs)
    {
        if (pairs.Count == 0) return new ForecastErrors(double.NaN, double.NaN, 0, 0);
        var mae = pairs.Average(p => Math.Abs(p.Actual - p.Predicted));
        var positive = pairs.Where(p => p.Actual > 0).ToList();
        var mape = positive.Count == 0 ? double.NaN : positive.Average(p => Math.Abs(p.Actual - p.Predicted) / p.Actual);
        return new ForecastErrors(mae, mape, pairs.Count, positive.Count);
    }
}
