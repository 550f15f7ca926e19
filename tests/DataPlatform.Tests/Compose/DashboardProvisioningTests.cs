using System.Text.Json;
using System.Text.RegularExpressions;
using DataPlatform.Cli.Hosting;
using DataPlatform.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Tests.Compose;

/// <summary>Grafana cannot be installed here: its provisioning is tested as data, and every panel's SQL runs
/// against the migrated ledger schema on the embedded engine.</summary>
[Collection(EnginesCollection.Name)]
public sealed partial class DashboardProvisioningTests(EnginesFixture engines)
{
    private static readonly string Dashboards = Path.Combine(ComposeFile.RepositoryRoot(), "dashboards");

    public static TheoryData<string> DashboardFiles() =>
        new(Directory.GetFiles(Path.Combine(Dashboards, "json"), "*.json").Select(Path.GetFileName)!);

    [Fact]
    public void The_datasource_is_the_clickhouse_plugin_and_every_panel_uses_it()
    {
        var yaml = new YamlStream();
        yaml.Load(File.OpenText(Path.Combine(Dashboards, "datasources", "clickhouse.yaml")));
        var source = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["datasources"])[0];
        Assert.Equal("grafana-clickhouse-datasource", source["type"].ToString());
        var uid = source["uid"].ToString();
        foreach (var file in Directory.GetFiles(Path.Combine(Dashboards, "json"), "*.json"))
            foreach (var panel in Panels(file))
                Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString());
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public async Task Every_panel_query_runs_against_the_ledger_schema(string file)
    {
        await using var platform = TestPlatform.Create(engines);
        await platform.StartAsync(PlatformRole.Processing); // migrates the schema
        var panels = Panels(Path.Combine(Dashboards, "json", file)).ToList();
        Assert.NotEmpty(panels);
        foreach (var panel in panels)
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                var sql = Bind(target.GetProperty("rawSql").GetString()!, platform.Database);
                using var reader = await platform.Client.ExecuteReaderAsync(sql);
                Assert.True(reader.FieldCount > 0, $"{panel.GetProperty("title")}: no columns");
            }
    }

    private static IEnumerable<JsonElement> Panels(string file) =>
        JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("panels").EnumerateArray().ToList();

    // Grafana's ClickHouse macros expand to time literals; the dashboards name the production database.
    private static string Bind(string sql, string database)
    {
        var bound = sql.Replace("$__fromTime", "toDateTime('2026-11-01 00:00:00')").Replace("$__toTime", "toDateTime('2026-12-01 00:00:00')")
            .Replace("ledger.", database + ".");
        Assert.False(Macro().IsMatch(bound), $"unbound macro in: {bound}");
        return bound;
    }

    [GeneratedRegex(@"\$__\w+")]
    private static partial Regex Macro();
}
