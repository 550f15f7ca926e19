using System.Globalization;
using System.Text.Json;
using DataPlatform.Rating.Metrics;
using OpenQA.Selenium;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>Every figure the rating page shows, read from the page (the text a manager reads, the raw value the page
/// holds, the charts' data), and the checks that each equals the rating JSON of <c>dataplatform rating --format json</c>.
/// The expected texts are written here from the contract, not taken from the page's script: a ratio (a metric of
/// <see cref="MetricNames.Ratios"/>, and every criterion's value and threshold) reads as a percentage with one decimal.</summary>
public sealed record RatingPageFigures(
    string Level,
    string LevelText,
    string Note,
    IReadOnlyList<(string Id, string Value, string Threshold, string Result)> Criteria,
    IReadOnlyDictionary<string, (string Text, string Raw)> Metrics,
    IReadOnlyList<double?> CriteriaChartValues,
    IReadOnlyList<double?> CriteriaChartThresholds,
    IReadOnlyDictionary<string, double?> TrendChartLastMonth)
{
    public static RatingPageFigures Read(IWebDriver driver)
    {
        var level = driver.FindElement(By.Id("level"));
        var criteria = driver.FindElements(By.CssSelector("#criteria tr[data-criterion]")).Select(row =>
            (row.GetAttribute("data-criterion")!, row.FindElement(By.CssSelector("td.value")).Text,
             row.FindElement(By.CssSelector("td.threshold")).Text, row.FindElement(By.CssSelector("td.pass, td.fail")).Text)).ToList();
        var metrics = driver.FindElements(By.CssSelector("#metrics [data-metric]")).ToDictionary(
            card => card.GetAttribute("data-metric")!,
            card => (card.FindElement(By.CssSelector(".value")).Text, card.FindElement(By.CssSelector(".value")).GetAttribute("data-raw") ?? ""));
        // The charts' data as ECharts holds it (what the bars, threshold marks and lines are drawn from).
        var charts = (string)((IJavaScriptExecutor)driver).ExecuteScript("""
            const option = (id) => echarts.getInstanceByDom(document.getElementById(id)).getOption();
            const plain = (d) => (d != null && typeof d === 'object' ? d.value : d) ?? null;
            const criteria = option('chart-criteria').series.map((s) => s.data.map(plain));
            const trend = option('chart-trend');
            const last = {};
            trend.series.forEach((s) => { last[s.name] = plain(s.data[s.data.length - 1]); });
            return JSON.stringify({ criteria, last });
            """)!;
        using var chartData = JsonDocument.Parse(charts);
        var series = chartData.RootElement.GetProperty("criteria").EnumerateArray().Select(s => s.EnumerateArray().Select(Number).ToList()).ToList();
        return new RatingPageFigures(level.GetAttribute("data-level") ?? "", level.Text, driver.FindElement(By.Id("level-note")).Text,
            criteria, metrics, series[0], series[1],
            chartData.RootElement.GetProperty("last").EnumerateObject().ToDictionary(p => p.Name, p => Number(p.Value)));
    }

    /// <summary>Asserts that the page shows exactly the rating of <paramref name="json"/> (one enterprise's result).</summary>
    public void AssertShows(JsonElement json)
    {
        Assert.Equal(json.GetProperty("level").GetString(), Level);
        Assert.Equal(Levels[Level], LevelText);
        var period = json.GetProperty("period");
        Assert.Equal($"{json.GetProperty("enterprise").GetString()} · {period.GetProperty("from").GetString()} 至 {period.GetProperty("to").GetString()} · 规则集 {json.GetProperty("rules").GetString()}", Note);

        var criteria = json.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(criteria.Select(c => c.GetProperty("id").GetString()), Criteria.Select(c => c.Id));
        foreach (var (c, shown) in criteria.Zip(Criteria))
        {
            Assert.Equal(Percent(Number(c.GetProperty("value"))), shown.Value);
            Assert.Equal(Percent(c.GetProperty("threshold").GetDouble()), shown.Threshold);
            Assert.Equal(c.GetProperty("pass").GetBoolean() ? "达标" : "未达标", shown.Result);
        }
        Assert.Equal(criteria.Select(c => Number(c.GetProperty("value"))), CriteriaChartValues);
        Assert.Equal(criteria.Select(c => (double?)c.GetProperty("threshold").GetDouble()), CriteriaChartThresholds);

        var metrics = json.GetProperty("metrics").EnumerateObject().ToList();
        Assert.Equal(metrics.Select(m => m.Name).Order(), Metrics.Keys.Order());
        foreach (var metric in metrics)
        {
            var (text, raw) = Metrics[metric.Name];
            var value = Number(metric.Value);
            Assert.True(value == (raw.Length == 0 ? null : double.Parse(raw, CultureInfo.InvariantCulture)), $"{metric.Name}: page holds '{raw}', rating JSON {metric.Value}");
            Assert.Equal(MetricNames.Ratios.Contains(metric.Name) ? Percent(value) : Plain(value), text);
        }
        // The trend's last month is the month rated: its lines end on the same figures.
        Assert.Equal(4, TrendChartLastMonth.Count);
        foreach (var (name, last) in TrendChartLastMonth)
            Assert.Equal(Number(json.GetProperty("metrics").GetProperty(TrendSeries[name])), last);
    }

    private static readonly Dictionary<string, string> Levels = new(StringComparer.Ordinal)
    {
        ["A"] = "A 级", ["B"] = "B 级", ["C"] = "C 级", ["not_rated"] = "未达 C 级 / 无法评级",
    };

    private static readonly Dictionary<string, string> TrendSeries = new(StringComparer.Ordinal)
    {
        ["清洁运输比例"] = MetricNames.CleanTransportRatio, ["国六及新能源重卡占比（按吨）"] = MetricNames.CompliantRoadShareTonnes,
        ["国六及新能源重卡占比（按车次）"] = MetricNames.CompliantRoadShareTrips, ["新能源重卡占比（按车次）"] = MetricNames.NevHeavyShareTrips,
    };

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    private static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "无数据";

    private static string Plain(double? value) => value switch
    {
        null => "无数据",
        { } v when v == Math.Floor(v) => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
