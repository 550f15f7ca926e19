using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Models;
using Microsoft.ML;

namespace DataPlatform.Analytics.Tests.MachineLearning;

public class ModelRoundTripTests
{
    private static List<ForecastFeatures> Rows(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var hour = i % 24;
            var lag = (float)random.Next(0, 20);
            return new ForecastFeatures
            {
                HourOfDay = hour, DayOfWeek = i / 24 % 7, Horizon = 1 + i % 72, Direction = 1 + i % 2, Lag1Week = lag, Lag2Weeks = lag + 1,
                SameHourMean4Weeks = lag, SameHourSameKindMean = lag, LastDayMean = 5, Label = lag + (hour < 6 ? 5 : 0),
            };
        })];
    }

    [Fact]
    public void A_saved_forecast_model_predicts_the_same_after_loading_and_a_changed_file_is_refused()
    {
        var ml = new MLContext(1);
        var model = ForecastModel.Train(ml, Rows(2000, 1));
        var path = Path.Combine(Path.GetTempPath(), $"forecast-{Guid.NewGuid():N}.zip");
        try
        {
            var sha = model.Save(ml, path);
            var loaded = TrainedModel.Load(new MLContext(2), path, sha);
            var probe = Rows(200, 2);
            Assert.Equal(ForecastModel.Predict(ml, model, probe), ForecastModel.Predict(new MLContext(3), loaded, probe));
            File.AppendAllText(path, "x");
            Assert.Throws<InvalidDataException>(() => TrainedModel.Load(ml, path, sha));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Smoking_and_night_burst_models_round_trip_too()
    {
        var ml = new MLContext(1);
        var random = new Random(5);
        var smoking = Enumerable.Range(0, 400).Select(i =>
        {
            var k = (float)(random.NextDouble() * 2);
            return new SmokingFeatures { HasReadings = 1, ReadingCount = 1 + i % 4, LastK = k, MaxK = k, MeanK = k, Stage = 40 + 10 * (i % 3), Label = k > 1.2 };
        }).ToList();
        var hours = Enumerable.Range(0, 300).Select(i => new GateHourFeatures { Features = [i % 7, 1 + i % 3 * 0.1f, 0.1f, 0, 0.05f * (i % 2)] }).ToList();
        var s = SmokingRiskModel.Train(ml, smoking);
        var p = NightBurstModel.Train(ml, hours);
        var dir = Path.Combine(Path.GetTempPath(), $"ml-{Guid.NewGuid():N}");
        try
        {
            var sLoaded = TrainedModel.Load(ml, Path.Combine(dir, "s.zip"), s.Save(ml, Path.Combine(dir, "s.zip")));
            var pLoaded = TrainedModel.Load(ml, Path.Combine(dir, "p.zip"), p.Save(ml, Path.Combine(dir, "p.zip")));
            Assert.Equal(SmokingRiskModel.Score(ml, s, smoking), SmokingRiskModel.Score(ml, sLoaded, smoking));
            Assert.Equal(NightBurstModel.Score(ml, p, hours), NightBurstModel.Score(ml, pLoaded, hours));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
