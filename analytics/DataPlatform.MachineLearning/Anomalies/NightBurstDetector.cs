using System.Globalization;
using DataPlatform.MachineLearning.Features;
using DataPlatform.MachineLearning.Models;
using DataPlatform.MachineLearning.Rules;
using Microsoft.ML;

namespace DataPlatform.MachineLearning.Anomalies;

/// <summary>Night-time bursts at one gate. A night hour is flagged when its arrivals are at least
/// <see cref="MinRobustScore"/> robust spreads above the median of that gate and hour of day on the (≥
/// <see cref="MinBaselineDays"/>) earlier days (<see cref="SeasonalBaseline"/>) AND at least 2 × usual + 5 — an
/// absolute rule against the seasonal baseline, reading nothing after the hour. RandomizedPca is still trained on the
/// gate-hours and its reconstruction error is written beside each flag as a second opinion on the hour's shape (new
/// plates, denials, unregistered); it does not decide: its relative error missed a 31-truck burst on the simulated
/// history (the extreme hour pulled a component towards itself). No I/O.</summary>
public static class NightBurstDetector
{
    public const string Kind = "night-burst";
    public const double MinRobustScore = 6;
    public const int MinBaselineDays = 7;

    public static bool IsBurst(GateHourFeatures h) =>
        GateHourFeatureBuilder.IsNight(h.Hour) && h.Baseline.Days >= MinBaselineDays
        && h.Baseline.Score(h.Arrivals) >= MinRobustScore && h.Arrivals >= 2 * h.Usual + 5;

    public static (TrainedModel? Model, IReadOnlyList<AnomalyFlag> Flags) Detect(MLContext ml, IReadOnlyList<GateHourFeatures> hours, string version)
    {
        if (hours.Count < 48) return (null, []);
        var model = NightBurstModel.Train(ml, hours);
        var scores = NightBurstModel.Score(ml, model, hours);
        var flags = new List<AnomalyFlag>();
        for (var i = 0; i < hours.Count; i++)
        {
            var h = hours[i];
            if (!IsBurst(h)) continue;
            var start = ChinaHours.Start(h.Hour);
            var z = h.Baseline.Score(h.Arrivals);
            flags.Add(new AnomalyFlag(AnomalyKinds.NightBurst, h.EnterpriseId, h.GateId, h.GateId, start, start.AddHours(1), z, Kind, version,
                $"夜间异常车流：{h.GateId} {start:yyyy-MM-dd HH}:00 到达 {h.Arrivals} 辆（平时约 {h.Usual:F1} 辆）",
                string.Create(CultureInfo.InvariantCulture,
                    $"稳健 z 分数 {z:F1} ≥ {MinRobustScore}（前 {h.Baseline.Days} 天同时段中位数 {h.Baseline.Median:F1}，离散 {h.Baseline.Spread:F2}）；PCA 重构误差 {scores[i]:F3}；新车牌占比 {h.Features[2]:P0}，拦截占比 {h.Features[3]:P0} (night burst: robust z against the same hour on earlier days)"),
                [.. h.PassageIds.Take(50)], [], []));
        }
        return (model, flags);
    }
}
