using System.Globalization;
using System.Net;
using System.Text;
using DataPlatform.Reports.Model;
using ScottPlot;

namespace DataPlatform.Reports.Charts;

/// <summary>A chart's plot and the key to its colours.</summary>
public sealed record Chart(Plot Plot, IReadOnlyList<LegendEntry> Legend);

public sealed record LegendEntry(string Label, Color Color);

/// <summary>The report's charts drawn with ScottPlot 5 as SVG (embedded in the HTML) or PNG (for the workbook).
/// Labels are Chinese: every text uses the installed CJK font (<see cref="ChineseFont"/>), else boxes appear.
/// The legend is HTML under the chart, not ScottPlot's: ScottPlot places a CJK font's legend labels half a line too
/// high, so the first label was cut off by the legend's clip box in the PDF (ScottPlot issue #5213, open).</summary>
public static class ReportCharts
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    private const int Width = 760;
    private const int Height = 300;

    /// <summary>The font every chart text uses: a CJK font file registered with ScottPlot (see <see cref="ChartFont"/>).</summary>
    public static string ChineseFont => ChartFont.Name;

    /// <summary>Chart name → SVG markup, the names the templates use (<c>charts.daily</c>, …).</summary>
    public static IReadOnlyDictionary<string, string> Svg(ReportModel model) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["daily"] = Html("daily", Daily(model)),
        ["stage_trend"] = Html("stage_trend", StageTrend(model)),
        ["fuel_trend"] = Html("fuel_trend", FuelTrend(model)),
        ["fuels"] = Html("fuels", new Chart(Fuels(model), [])),
        ["interceptions"] = Html("interceptions", new Chart(Interceptions(model), [])),
    };

    /// <summary>The chart as the page shows it: its SVG, then its legend as a line of HTML (inline styles, so an
    /// overriding template needs no stylesheet for it).</summary>
    public static string Html(string name, Chart chart)
    {
        var html = new StringBuilder(SvgOf(name, chart.Plot));
        if (chart.Legend.Count == 0) return html.ToString();
        html.Append("""<div class="legend" style="display:flex;flex-wrap:wrap;justify-content:center;gap:2px 18px;font-size:12px;line-height:1.6;margin:2px 0 6px">""");
        foreach (var entry in chart.Legend)
            html.Append(CultureInfo.InvariantCulture,
                $"""<span><i style="display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;background:#{entry.Color.R:x2}{entry.Color.G:x2}{entry.Color.B:x2}"></i>{WebUtility.HtmlEncode(entry.Label)}</span>""");
        return html.Append("</div>").ToString();
    }

    /// <summary>The chart as SVG that scales with the page (viewBox) and whose element ids are numbered per chart:
    /// SkiaSharp numbers clip paths with a process-wide counter, which would make the same report differ run to run.</summary>
    public static string SvgOf(string name, Plot plot) => SvgText.Stable(name, plot.GetSvgXml(Width, Height), Width, Height);

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    public static Chart Daily(ReportModel model)
    {
        var plot = NewPlot("每日进出厂车次", "日期", "车次");
        var xs = model.Daily.Select((_, i) => (double)i + 1).ToArray();
        plot.Add.Scatter(xs, model.Daily.Select(d => (double)d.Entries).ToArray(), Palette.GetColor(0));
        plot.Add.Scatter(xs, model.Daily.Select(d => (double)d.Exits).ToArray(), Palette.GetColor(1));
        plot.Axes.Bottom.SetTicks(xs, model.Daily.Select(d => d.Day.Day.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimitsY(0, Math.Max(1, model.Daily.Max(d => Math.Max(d.Entries, d.Exits))) * 1.15);
        return new Chart(Finish(plot), [new("进厂", Palette.GetColor(0)), new("出厂", Palette.GetColor(1))]);
    }

    /// <summary>Stacked bars: each month's entries by stage group, as shares (%).</summary>
    public static Chart StageTrend(ReportModel model) =>
        ShareTrend("近六个月进厂车辆排放阶段结构（%）", model.StageTrend, VehicleClasses.StageGroups.Select(s => s.Name).ToList());

    /// <summary>Stacked bars: each month's entries by fuel, as shares (%).</summary>
    public static Chart FuelTrend(ReportModel model) =>
        ShareTrend("近六个月进厂车辆燃料结构（%）", model.FuelTrend,
            model.FuelTrend.FirstOrDefault()?.Groups.Select(g => g.Name).ToList() ?? []);

    private static Chart ShareTrend(string title, IReadOnlyList<MonthShares> trend, IReadOnlyList<string> classes)
    {
        var plot = NewPlot(title, "月份", "占比 %");
        var bars = new List<Bar>();
        for (var m = 0; m < trend.Count; m++)
        {
            double bottom = 0;
            foreach (var (group, g) in trend[m].Groups.Select((group, g) => (group, g)))
            {
                var top = bottom + group.Share * 100;
                bars.Add(new Bar { Position = m + 1, ValueBase = bottom, Value = top, FillColor = Palette.GetColor(g) });
                bottom = top;
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(trend.Select((_, i) => (double)i + 1).ToArray(), trend.Select(m => m.Month).ToArray());
        plot.Axes.SetLimits(0.4, trend.Count + 0.6, 0, 100);
        return new Chart(Finish(plot), classes.Select((name, g) => new LegendEntry(name, Palette.GetColor(g))).ToList());
    }

    public static Plot Fuels(ReportModel model) =>
        HorizontalBars("本期进厂车辆燃料结构（车次）", model.Fuels.Select(f => (f.Name, (double)f.Count)).ToList());

    public static Plot Interceptions(ReportModel model) =>
        HorizontalBars("拦截原因分布（次）", model.Interceptions.Select(i => (Label(i), (double)i.Count)).ToList());

    /// <summary>The rating's monthly trend: clean-transport ratio and compliant road share (%), months without a value left out.</summary>
    public static Chart RatingTrend(IReadOnlyList<RatingSection.MonthRating> trend)
    {
        var plot = NewPlot("近六个月清洁运输比例与国六及新能源重型货车占比（%）", "月份", "%");
        var xs = trend.Select((_, i) => (double)i + 1).ToArray();
        var legend = new List<LegendEntry>();
        AddSeries(plot, legend, "清洁运输比例", xs, trend.Select(t => t.Rating.Result.Metrics.CleanTransportRatio).ToArray());
        AddSeries(plot, legend, "国六及新能源运输量占比", xs, trend.Select(t => t.Rating.Result.Metrics.CompliantRoadShareTonnes).ToArray());
        plot.Axes.Bottom.SetTicks(xs, trend.Select(t => t.Month).ToArray());
        plot.Axes.SetLimits(0.5, trend.Count + 0.5, 0, 105);
        return new Chart(Finish(plot), legend);
    }

    private static void AddSeries(Plot plot, List<LegendEntry> legend, string name, double[] xs, double?[] values)
    {
        var points = xs.Zip(values).Where(p => p.Second.HasValue).ToList();
        if (points.Count == 0) return;
        var color = Palette.GetColor(legend.Count);
        plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second!.Value * 100).ToArray(), color);
        legend.Add(new LegendEntry(name, color));
    }

    private static string Label(RuleInterceptions i) => i.RuleText.Length is > 0 and <= 16 ? i.RuleText : i.RuleId;

    private static Plot HorizontalBars(string title, IReadOnlyList<(string Label, double Value)> rows)
    {
        var plot = NewPlot(title, "", "");
        if (rows.Count == 0)
        {
            plot.Add.Annotation("本期无数据", Alignment.MiddleCenter);
            return Finish(plot);
        }
        var bars = rows.Select((r, i) => new Bar { Position = rows.Count - i, Value = r.Value }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        foreach (var bar in bars) bar.Label = bar.Value.ToString("N0", CultureInfo.InvariantCulture);
        series.ValueLabelStyle.FontName = ChineseFont;
        plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)(rows.Count - i)).ToArray(), rows.Select(r => r.Label).ToArray());
        plot.Axes.SetLimitsX(0, rows.Max(r => r.Value) * 1.2 + 1);
        return Finish(plot);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        ChartFont.Ensure();
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    // Set the CJK font last so every label added above uses it (titles, ticks).
    private static Plot Finish(Plot plot)
    {
        plot.Font.Set(ChineseFont);
        return plot;
    }
}
