using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>Grafana cannot be installed here: its provisioning is checked as data. These need no engine; the SQL of
/// every panel runs in <see cref="DashboardQueryTests"/>.</summary>
public sealed partial class DashboardProvisioningTests
{
    private const int SchemaVersion = 39;

    public static TheoryData<string> DashboardFiles() => new(GrafanaDashboard.Files());

    [Fact]
    public void The_five_dashboards_of_the_issue_are_provisioned()
    {
        var titles = GrafanaDashboard.Files().Select(f => GrafanaDashboard.Load(f).Title).ToHashSet();
        Assert.Superset(new HashSet<string> { "清洁运输驾驶舱", "绩效评级驾驶舱", "门禁运行监控", "监管上传监控", "预测与异常" }, titles);
    }

    [Fact]
    public void The_datasource_is_the_clickhouse_plugin_over_http_with_a_fixed_uid()
    {
        var source = Datasource();
        Assert.Equal("grafana-clickhouse-datasource", source["type"].ToString());
        Assert.Equal(DashboardUid, source["uid"].ToString());
        var json = (YamlMappingNode)source["jsonData"];
        Assert.Equal("http", json["protocol"].ToString());
        Assert.Equal("ledger", json["defaultDatabase"].ToString());
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Every_dashboard_is_well_formed(string file)
    {
        var dashboard = GrafanaDashboard.Load(file);
        var root = dashboard.Root;
        Assert.Equal(SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("Asia/Shanghai", root.GetProperty("timezone").GetString());
        Assert.Matches(Han(), dashboard.Title);
        var panels = dashboard.Panels().ToList();
        Assert.NotEmpty(panels);
        var ids = panels.Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString()!;
            Assert.Matches(Han(), title);
            Assert.Equal(DashboardUid, panel.GetProperty("datasource").GetProperty("uid").GetString());
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"{file} «{title}»: no target");
            foreach (var target in targets)
            {
                Assert.Equal(DashboardUid, target.GetProperty("datasource").GetProperty("uid").GetString());
                Assert.False(string.IsNullOrWhiteSpace(target.GetProperty("rawSql").GetString()), $"{file} «{title}»: empty query");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Every_variable_a_query_uses_is_defined_and_labelled_in_chinese(string file)
    {
        var dashboard = GrafanaDashboard.Load(file);
        var defined = dashboard.Variables().ToDictionary(v => v.GetProperty("name").GetString()!, v => v);
        Assert.Contains("enterprise", defined.Keys);
        Assert.Contains("gate", defined.Keys);
        foreach (var variable in defined.Values) Assert.Matches(Han(), variable.GetProperty("label").GetString()!);
        var sqls = dashboard.Panels().SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("rawSql").GetString()!)
            .Concat(defined.Values.Where(v => v.TryGetProperty("definition", out _)).Select(v => v.GetProperty("query").GetString()!));
        foreach (var sql in sqls)
            foreach (Match m in UsedVariable().Matches(sql))
            {
                var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                if (name.StartsWith("__", StringComparison.Ordinal)) continue;
                Assert.True(defined.ContainsKey(name), $"{file}: ${name} is used but not defined, in {sql}");
            }
    }

    /// <summary>Issue 14: panels read the rating analytics' views, not a second copy of its formulas. A panel over the
    /// rating views divides nothing and sums no ratio: a period's figures come from <c>v_rating_period</c> (the ratio of
    /// the period's sums, defined once in its migration), a day's from <c>v_rating_daily</c>'s own ratio columns.</summary>
    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Panels_over_the_rating_views_take_their_ratios_from_the_views(string file)
    {
        foreach (var panel in GrafanaDashboard.Load(file).Panels())
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var sql = target.GetProperty("rawSql").GetString()!;
                if (!sql.Contains("v_rating_", StringComparison.Ordinal)) continue;
                var title = panel.GetProperty("title").GetString();
                var code = QuotedText().Replace(sql, "''"); // '管廊/皮带' is a label, not a division
                Assert.False(code.Contains('/', StringComparison.Ordinal), $"{file} «{title}» divides in the panel: {sql}");
                Assert.DoesNotMatch(SummedRatio(), sql);
                if (panel.GetProperty("type").GetString() is "stat" or "gauge")
                    Assert.True(sql.Contains("v_rating_period(", StringComparison.Ordinal), $"{file} «{title}»: a period's stat reads v_rating_period: {sql}");
            }
    }

    private const string DashboardUid = "ledger-clickhouse";

    private static YamlMappingNode Datasource()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(Path.Combine(GrafanaDashboard.Folder, "datasources", "clickhouse.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["datasources"])[0];
    }

    [GeneratedRegex(@"(sum|avg)(If)?\(\s*\w*(ratio|share)\w*")]
    private static partial Regex SummedRatio();

    [GeneratedRegex(@"'(?:[^'\\]|\\.)*'|`[^`]*`")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\$\{(\w+)(?::\w+)?\}|\$([A-Za-z_]\w*)")]
    private static partial Regex UsedVariable();
}
