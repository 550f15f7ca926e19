using System.Globalization;
using DataPlatform.Rating.Metrics;

namespace DataPlatform.Rating;

/// <summary>The rating as the environmental manager reads it on a terminal: level, every criterion with value,
/// threshold and pass/fail, the failing ones named, then every metric (Chinese with the JSON name beside it).</summary>
public static class RatingText
{
    private static readonly (string Name, string Chinese)[] Labels =
    [
        (MetricNames.CleanTransportRatio, "清洁运输比例"),
        (MetricNames.CleanTransportRatioInclNev, "清洁运输比例（含新能源重卡）"),
        (MetricNames.CompliantRoadShareTonnes, "国六及新能源重卡运输量占比（吨）"),
        (MetricNames.CompliantRoadShareTrips, "国六及新能源重卡占比（车次）"),
        (MetricNames.NevHeavyShareTrips, "新能源重卡占比（车次）"),
        (MetricNames.InPlantCompliance, "厂内运输车辆达标率"),
        (MetricNames.NonRoadCompliance, "非道路移动机械达标率"),
    ];

    public static void Write(RatingResult r, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"企业 enterprise   {r.Enterprise}");
        o.WriteLine($"期间 period       {r.Period.From:yyyy-MM-dd} … {r.Period.To:yyyy-MM-dd}（北京时间 China time）");
        o.WriteLine($"规则 rules        {r.Rules}");
        o.WriteLine($"评级 level        {r.Level}  {RatingLevel.ChineseName(r.Level)}");
        o.WriteLine();
        o.WriteLine($"{"criterion",-44} {"value",10} {"threshold",10}  result");
        foreach (var c in r.Criteria)
            o.WriteLine($"{c.Id,-44} {Ratio(c.Value),10} {c.Threshold.ToString("0.####", inv),10}  {(c.Pass ? "达标 pass" : "未达标 FAIL")}");
        var failing = r.Failing.Select(c => c.Id).ToList();
        if (failing.Count > 0) o.WriteLine($"未达标项 failing: {string.Join(", ", failing)}");
        o.WriteLine();
        var m = r.Metrics;
        foreach (var (name, chinese) in Labels)
            o.WriteLine($"{chinese} {name}: {Ratio(m.Value(name))}");
        o.WriteLine($"公路运输量 road_tonnes: {m.RoadTonnes.ToString(inv)} t（{m.RoadTrips} 车次 trips）");
        o.WriteLine($"清洁方式运输量 clean_mode_tonnes: {m.CleanModeTonnes.ToString(inv)} t");
        o.WriteLine($"重型载货车 heavy_trips / heavy_tonnes: {m.HeavyTrips} / {m.HeavyTonnes.ToString(inv)} t（新能源 NEV {m.NevHeavyTonnes.ToString(inv)} t）");
        o.WriteLine($"排放阶段未知 unknown_stage_trips / tonnes: {m.UnknownStageTrips} / {m.UnknownStageTonnes.ToString(inv)} t");
        o.WriteLine($"预警日 alert_days: {m.AlertDays}，拦截 interceptions {m.AlertDayInterceptions}，重卡日均进厂 heavy entries/day {Number(m.HeavyPassagesPerAlertDay)}（常态日 normal days {m.NormalDays}: {Number(m.HeavyPassagesPerNormalDay)}）");
    }

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "—";

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
}
