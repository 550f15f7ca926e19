using System.Data.Common;
using System.Text.Json;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>Every panel's SQL of every provisioned dashboard, expanded as Grafana and the ClickHouse plugin expand it
/// for the simulated month's range and concrete variable values (each query variable's own query run first, then
/// "All" and a single value), runs on the embedded ClickHouse and returns the columns its panel type needs.
/// One simulated month serves every dashboard, so this is one test that lists every failing panel.</summary>
[Collection(EnginesCollection.Name)]
public sealed class DashboardQueryTests(EnginesFixture engines)
{
    [Fact]
    public async Task Every_panel_query_runs_on_a_simulated_month_and_returns_what_its_panel_needs()
    {
        await using var month = await SimulatedMonth.SendAsync(engines);
        var from = new DateTimeOffset(month.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var to = DateTimeOffset.UtcNow.AddDays(3); // the forecast dashboard looks ahead
        var failures = new List<string>();
        var checkedPanels = 0;
        foreach (var file in GrafanaDashboard.Files())
        {
            var dashboard = GrafanaDashboard.Load(file);
            foreach (var selection in new[] { Selection.All, Selection.First })
            {
                var query = await ResolveVariablesAsync(dashboard, month, from, to, selection, failures);
                if (query is null) continue;
                foreach (var panel in dashboard.Panels())
                    foreach (var target in panel.GetProperty("targets").EnumerateArray())
                    {
                        var problem = await CheckAsync(month, query, panel, target.GetProperty("rawSql").GetString()!);
                        if (problem is not null) failures.Add($"{dashboard.Title} «{panel.GetProperty("title").GetString()}» ({selection}): {problem}");
                        checkedPanels++;
                    }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedPanels > 40, $"only {checkedPanels} panel queries were checked");

        // Oracle: the gate monitor's stats count what was sent, through the plugin's expansion of range and filters.
        var gates = GrafanaDashboard.Load("gate-monitor.json");
        var all = (await ResolveVariablesAsync(gates, month, from, to, Selection.All, failures))!;
        Assert.Equal(month.Passages, await ScalarOfPanelAsync(month, all, gates, "进厂车次") + await ScalarOfPanelAsync(month, all, gates, "出厂车次"));
        Assert.Equal(await month.Platform.ScalarAsync("SELECT count() FROM gate_decisions FINAL WHERE outcome = 'deny'"),
            await ScalarOfPanelAsync(month, all, gates, "拦截车次"));
    }

    private enum Selection { All, First }

    /// <summary>Runs each query variable's own query (with the variables before it) and picks "All" (every value, as
    /// Grafana sends them without a custom all value) or the first value; custom variables take their current value.</summary>
    private static async Task<GrafanaQuery?> ResolveVariablesAsync(GrafanaDashboard dashboard, SimulatedMonth month, DateTimeOffset from,
        DateTimeOffset to, Selection selection, List<string> failures)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>();
        var query = new GrafanaQuery(from, to, TimeSpan.FromHours(1), values);
        foreach (var variable in dashboard.Variables())
        {
            var name = variable.GetProperty("name").GetString()!;
            if (variable.GetProperty("type").GetString() == "custom")
            {
                values[name] = [variable.GetProperty("current").GetProperty("value").GetString()!];
                continue;
            }
            var rows = new List<string>();
            try
            {
                using var reader = await month.Platform.Client.ExecuteReaderAsync(Bind(query.Expand(variable.GetProperty("query").GetString()!), month));
                while (await reader.ReadAsync()) rows.Add(Convert.ToString(reader.GetValue(0))!);
            }
            catch (Exception ex)
            {
                failures.Add($"{dashboard.Title} variable ${name}: {ex.Message}");
                return null;
            }
            if (rows.Count == 0)
            {
                failures.Add($"{dashboard.Title} variable ${name}: no values on a simulated month");
                return null;
            }
            values[name] = selection == Selection.All ? rows : [rows[0]];
        }
        return query;
    }

    private static async Task<string?> CheckAsync(SimulatedMonth month, GrafanaQuery query, JsonElement panel, string rawSql)
    {
        string sql;
        try
        {
            sql = Bind(query.Expand(rawSql), month);
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
        try
        {
            using var reader = await month.Platform.Client.ExecuteReaderAsync(sql);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (Name: reader.GetName(i), Type: reader.GetFieldType(i))).ToList();
            var rows = 0;
            while (await reader.ReadAsync()) rows++;
            return PanelShape.Check(panel.GetProperty("type").GetString()!, columns, rows);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return $"{ex.GetType().Name}: {ex.Message}\n  SQL: {sql}";
        }
    }

    private static async Task<long> ScalarOfPanelAsync(SimulatedMonth month, GrafanaQuery query, GrafanaDashboard dashboard, string title)
    {
        var panel = dashboard.Panels().Single(p => p.GetProperty("title").GetString() == title);
        var sql = Bind(query.Expand(panel.GetProperty("targets")[0].GetProperty("rawSql").GetString()!), month);
        return Convert.ToInt64(await month.Platform.Client.ExecuteScalarAsync(sql));
    }

    /// <summary>The dashboards name the production database (<c>ledger.</c>); the test's ledger has its own name.</summary>
    private static string Bind(string sql, SimulatedMonth month) => sql.Replace("ledger.", month.Platform.Database + ".", StringComparison.Ordinal);
}
