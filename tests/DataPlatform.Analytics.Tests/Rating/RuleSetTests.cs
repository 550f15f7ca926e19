using System.Text.Json;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Rating.Rules;

namespace DataPlatform.Analytics.Tests.Rating;

public sealed class RuleSetTests
{
    [Fact]
    public void Every_shipped_rule_set_loads_and_the_issue_asks_for_these()
    {
        var ids = RuleSetCatalog.Shipped.All.Select(s => s.Id).ToHashSet();
        foreach (var id in new[] { "steel-long", "steel-long-nev", "coking", "cement", "cement-ultra-low-2024", "chemicals", "ports-logistics", "general" })
            Assert.Contains(id, ids);
        Assert.Equal(3, RuleSetCatalog.Shipped.Find("steel-long")!.MonthsNeeded);
        Assert.Contains(RuleSetCatalog.Shipped.Find("steel-long-nev")!.Levels[0].Criteria, c => c.Metric == MetricNames.CleanTransportRatioInclNev);
    }

    [Fact]
    public void A_bad_rule_set_file_is_refused_naming_the_problem()
    {
        var json = """{"id":"x","name":"x","industry":"x","province":null,"source":"x","road_minimum_stage":"7","in_plant_minimum_stage":"5","non_road_minimum_stage":"3","levels":[{"level":"A","criteria":[{"metric":"nope","threshold":2}]}]}""";
        var error = Assert.Throws<FormatException>(() => RuleSetCatalog.Parse(json, "x.json")).Message;
        Assert.Contains("road_minimum_stage", error, StringComparison.Ordinal);
        Assert.Contains("unknown metric 'nope'", error, StringComparison.Ordinal);
        Assert.Contains("outside [0, 1]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_contract_has_the_issue_shape()
    {
        var rules = RuleSetCatalog.Shipped.Find("general")!;
        var metrics = MetricFormulas.Compute(PeriodFigures.Empty, rules);
        var result = Rater.Rate("E1", RatingPeriod.Month(2026, 10), rules, metrics, []);
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(result, RatingJsonContext.Default.RatingResult));
        var root = doc.RootElement;
        Assert.Equal(["enterprise", "period", "rules", "level", "metrics", "criteria"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("2026-10-01", root.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-10-31", root.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal("not_rated", root.GetProperty("level").GetString());
        var m = root.GetProperty("metrics");
        foreach (var name in MetricNames.Ratios.Concat(["road_tonnes", "clean_mode_tonnes", "heavy_trips", "heavy_tonnes", "unknown_stage_trips", "unknown_stage_tonnes", "alert_day_interceptions"]))
            Assert.True(m.TryGetProperty(name, out _), name);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("clean_transport_ratio").ValueKind);
        var criterion = root.GetProperty("criteria")[0];
        Assert.Equal(["id", "value", "threshold", "pass"], criterion.EnumerateObject().Select(p => p.Name).ToArray());
        var back = JsonSerializer.Deserialize(root.GetRawText(), RatingJsonContext.Default.RatingResult)!;
        Assert.Equal(result.Criteria, back.Criteria);
    }

    [Theory]
    [InlineData("2026-10", null, null, null, "2026-10-01..2026-10-31")]
    [InlineData("2026-03", null, null, 3, "2026-01-01..2026-03-31")]
    [InlineData(null, "2026-10-05", "2026-10-07", null, "2026-10-05..2026-10-07")]
    [InlineData("2026-13", null, null, null, null)]
    [InlineData("2026-10", "2026-10-01", null, null, null)]
    [InlineData(null, "2026-10-07", "2026-10-05", null, null)]
    [InlineData(null, null, null, 3, null)]
    public void Period_arguments(string? month, string? from, string? to, int? rolling, string? expected)
    {
        var period = PeriodArguments.Resolve(month, from, to, rolling, out var error);
        Assert.Equal(expected, period?.ToString());
        Assert.Equal(expected is null, error is not null);
    }
}
