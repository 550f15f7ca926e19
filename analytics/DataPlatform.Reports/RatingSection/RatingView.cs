using System.Globalization;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;

namespace DataPlatform.Reports.RatingSection;

/// <summary>A rating result as a report shows it: Chinese names, values formatted, criteria named. The numbers are
/// the rating service's own (<see cref="RatingResult"/>), never computed again here.</summary>
public sealed record RatingView(
    string Level,
    string LevelName,
    string Rules,
    double? CleanTransportRatio,
    IReadOnlyList<MetricLine> Metrics,
    IReadOnlyList<CriterionLine> Criteria,
    int AlertDays,
    int NormalDays,
    long AlertDayInterceptions,
    double? HeavyPassagesPerAlertDay,
    double? HeavyPassagesPerNormalDay,
    RatingResult Result)
{
    public static RatingView Of(RatingResult r)
    {
        var m = r.Metrics;
        return new RatingView(r.Level, LevelText(r.Level), r.Rules, m.CleanTransportRatio,
            [
                .. MetricNames.Ratios.Select(name => new MetricLine(name, MetricLabels.Name(name), Percent(m.Value(name)))),
                new("road_tonnes", "公路运输量 (t)", Tonnes(m.RoadTonnes)),
                new("clean_mode_tonnes", "清洁方式运输量 (t)", Tonnes(m.CleanModeTonnes)),
                new("nev_heavy_tonnes", "新能源重型货车运输量 (t)", Tonnes(m.NevHeavyTonnes)),
                new("road_trips", "公路运输趟次", m.RoadTrips.ToString("N0", CultureInfo.InvariantCulture)),
                new("heavy_trips", "重型货车趟次", m.HeavyTrips.ToString("N0", CultureInfo.InvariantCulture)),
                new("heavy_tonnes", "重型货车运输量 (t)", Tonnes(m.HeavyTonnes)),
                new("unknown_stage_trips", "车辆信息未知趟次", m.UnknownStageTrips.ToString("N0", CultureInfo.InvariantCulture)),
                new("unknown_stage_tonnes", "车辆信息未知运输量 (t)", Tonnes(m.UnknownStageTonnes)),
            ],
            r.Criteria.Select(c => new CriterionLine(c.Id, MetricLabels.Criterion(c.Id), Percent(c.Value), Percent(c.Threshold), c.Pass)).ToList(),
            m.AlertDays, m.NormalDays, m.AlertDayInterceptions, m.HeavyPassagesPerAlertDay, m.HeavyPassagesPerNormalDay, r);
    }

    public static string LevelText(string level) => level switch
    {
        "A" => "A 级",
        "B" => "B 级",
        "C" => "C 级",
        _ => "未评级",
    };

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Tonnes(decimal value) => value.ToString("N3", CultureInfo.InvariantCulture);
}

public sealed record MetricLine(string Id, string Name, string Value);

public sealed record CriterionLine(string Id, string Name, string Value, string Threshold, bool Pass);

/// <summary>Chinese names of the rating metrics (JSON names in <see cref="MetricNames"/>).</summary>
public static class MetricLabels
{
    public static string Name(string metric) => metric switch
    {
        MetricNames.CleanTransportRatio => "清洁运输比例",
        MetricNames.CleanTransportRatioInclNev => "清洁运输比例（含新能源重型货车）",
        MetricNames.CompliantRoadShareTonnes => "国六及新能源重型货车运输量占比",
        MetricNames.CompliantRoadShareTrips => "国六及新能源重型货车趟次占比",
        MetricNames.NevHeavyShareTrips => "新能源重型货车趟次占比",
        MetricNames.InPlantCompliance => "厂内运输车辆达标率",
        MetricNames.NonRoadCompliance => "非道路移动机械达标率",
        _ => metric,
    };

    /// <summary><c>A.clean_transport_ratio.3m</c> → A级：清洁运输比例（连续 3 个月）.</summary>
    public static string Criterion(string id)
    {
        var parts = id.Split('.');
        var name = parts.Length > 1 ? Name(parts[1]) : id;
        var months = parts.Length > 2 && parts[2].EndsWith('m') ? $"（连续 {parts[2][..^1]} 个月）" : "";
        return $"{parts[0]} 级：{name}{months}";
    }
}
