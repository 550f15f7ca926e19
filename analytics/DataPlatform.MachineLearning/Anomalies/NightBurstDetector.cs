using System.Globalization;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Models;
using DataPlatform.MachineLearning.Rules;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.Anomalies;

/// <summary>Night-time bursts at one gate: RandomizedPca learns the usual shapes of gate-hours; a night hour is
/// flagged when its score is above <see cref="Quantile"/> of all scores AND it brought clearly more arrivals than
/// usual (PCA also finds hours unusually quiet — not what this flag is for). No I/O.</summary>
public static class NightBurstDetector
{
    public const string Kind = "night-burst";
    public const double Quantile = 0.995;

    public static (TrainedModel? Model, IReadOnlyList<AnomalyFlag> Flags) Detect(MLContext ml, IReadOnlyList<GateHourFeatures> hours, string version)
    {
        if (hours.Count < 48) return (null, []);
        var model = NightBurstModel.Train(ml, hours);
        var scores = NightBurstModel.Score(ml, model, hours);
        var threshold = scores.Order().ElementAt((int)Math.Floor(Quantile * (scores.Count - 1)));
        var flags = new List<AnomalyFlag>();
        for (var i = 0; i < hours.Count; i++)
        {
            var h = hours[i];
            if (!GateHourFeatureBuilder.IsNight(h.Hour) || scores[i] < threshold || h.Arrivals < 2 * h.Usual + 5) continue;
            var start = ChinaHours.Start(h.Hour);
            flags.Add(new AnomalyFlag(AnomalyKinds.NightBurst, h.EnterpriseId, h.GateId, h.GateId, start, start.AddHours(1), scores[i], Kind, version,
                $"夜间异常车流：{h.GateId} {start:yyyy-MM-dd HH}:00 到达 {h.Arrivals} 辆（平时约 {h.Usual:F1} 辆）",
                string.Create(CultureInfo.InvariantCulture, $"PCA 重构误差 {scores[i]:F3} ≥ 阈值 {threshold:F3}；新车牌占比 {h.Features[2]:P0}，拦截占比 {h.Features[3]:P0} (night burst)"),
                [.. h.PassageIds.Take(50)], [], []));
        }
        return (model, flags);
    }
}
