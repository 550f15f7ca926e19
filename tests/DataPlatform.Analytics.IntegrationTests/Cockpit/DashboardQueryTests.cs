using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Analytics.Rating;
using DataPlatform.Ledger;
using DataPlatform.Rating;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

        // Oracle: the rating dashboards' figures equal the rating service's — the figures of `dataplatform rating --format
        // json` and the web cockpit (rule set general: compliant = 国六 or NEV, the definitions v_rating_daily states).
        // The simulated month sends no weighings (their TCP frames are stamped on arrival, not on the simulated day), so
        // its trips carry no load and its trip figures are empty: two day rows of another plant in rating_daily, as the
        // refresh job writes them, give both sides figures whose ratio of sums differs from the mean of the day ratios.
        const string plant = "E9900001";
        await month.Platform.Client.ExecuteNonQueryAsync("""
            INSERT INTO rating_daily (enterprise_id, day, road_trips, road_kg, heavy_trips_by_stage, heavy_kg_by_stage,
                unknown_stage_trips, unknown_stage_kg, clean_mode_tonnes, alert_day, passages, heavy_passages, interceptions, version)
            VALUES ({plant:String}, {first:Date}, 4, 100000, map('6', 2, '5', 1, 'D', 1), map('6', 50000, '5', 30000, 'D', 20000), 0, 0, 300, 0, 10, 8, 0, 1),
                   ({plant:String}, {last:Date}, 2, 40000, map('', 1, '6b', 1), map('', 25000, '6b', 15000), 1, 25000, 0, 1, 5, 4, 2, 1)
            """, ClickHouseParameters.Of(("plant", plant), ("first", month.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("last", month.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), null, CancellationToken.None);
        // From 08:00 China time, so the plugin's UTC-dated $__dateFilter starts on the month's first China day.
        var days = new GrafanaQuery(new DateTimeOffset(month.FirstDay.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8)),
            new DateTimeOffset(month.LastDay.ToDateTime(new TimeOnly(23, 0)), TimeSpan.FromHours(8)), TimeSpan.FromHours(1),
            new Dictionary<string, IReadOnlyList<string>> { ["enterprise"] = [plant], ["gate"] = ["G01"], ["period"] = ["month"] });
        var rating = (await month.Host.Services.GetRequiredService<RatingService>()
            .RateAsync(plant, new RatingPeriod(month.FirstDay, month.LastDay), "general", CancellationToken.None)).Metrics;
        Assert.Equal(4.0 / 6, rating.CompliantRoadShareTrips!.Value, 9); // hand-computed: (2 国六 + 1 NEV + 1 国六b) of 6 heavy trips
        var performance = GrafanaDashboard.Load("performance-rating.json");
        var cleanTransport = GrafanaDashboard.Load("clean-transport.json");
        // The rolling panel: the 3 calendar months up to the range's last China day, as the rating rates a run of months.
        var rolling = (await month.Host.Services.GetRequiredService<RatingService>()
            .RateAsync(plant, new RatingPeriod(new DateOnly(month.LastDay.Year, month.LastDay.Month, 1).AddMonths(-2), month.LastDay), "general",
                CancellationToken.None)).Metrics;
        foreach (var (dashboard, title, column, expected) in new (GrafanaDashboard, string, string, double?)[]
                 {
                     (performance, "A/B/C 自评：国六及新能源重卡占比（按车次）", "达标占比", rating.CompliantRoadShareTrips),
                     (performance, "A/B/C 自评：国六及新能源重卡占比（按吨）", "达标占比", rating.CompliantRoadShareTonnes),
                     (performance, "A/B/C 自评：清洁运输比例", "清洁运输比例", rating.CleanTransportRatio),
                     (performance, "重污染预警日", "预警日", rating.AlertDays),
                     (performance, "重污染预警日", "预警日拦截", rating.AlertDayInterceptions),
                     (performance, "重污染预警日", "预警日日均重卡", rating.HeavyPassagesPerAlertDay),
                     (performance, "重污染预警日", "常态日日均重卡", rating.HeavyPassagesPerNormalDay),
                     (cleanTransport, "清洁运输比例（所选期间）", "清洁运输比例", rating.CleanTransportRatio),
                     (cleanTransport, "清洁运输比例（滚动 3 个月）", "滚动3个月", rolling.CleanTransportRatio),
                     (cleanTransport, "清洁运输比例（含新能源重卡）", "含新能源重卡", rating.CleanTransportRatioInclNev),
                     (cleanTransport, "公路运输量 / 清洁方式运输量（吨）", "公路（吨）", (double)rating.RoadTonnes),
                     (cleanTransport, "公路运输量 / 清洁方式运输量（吨）", "清洁方式（吨）", (double)rating.CleanModeTonnes),
                     (cleanTransport, "国六及新能源重卡占比（按吨）", "按吨", rating.CompliantRoadShareTonnes),
                     (cleanTransport, "国六及新能源重卡占比（按车次）", "按车次", rating.CompliantRoadShareTrips),
                     (cleanTransport, "新能源重卡占比（按车次）", "新能源", rating.NevHeavyShareTrips),
                     (cleanTransport, "排放阶段未知车辆（计为不达标）", "车次", rating.UnknownStageTrips),
                     (cleanTransport, "排放阶段未知车辆（计为不达标）", "吨", (double)rating.UnknownStageTonnes),
                 })
        {
            var shown = (await FirstRowOfPanelAsync(month, days, dashboard, title)).GetValueOrDefault(column);
            Assert.True(expected is null ? shown is null : shown is { } v && Math.Abs(v - expected.Value) < 1e-9,
                $"{dashboard.Title} «{title}» {column} shows {shown?.ToString() ?? "null"}, the rating {expected?.ToString() ?? "null"}");
        }
        Assert.Equal(0.5, rating.HeavyPassagesPerAlertDay!.Value / rating.HeavyPassagesPerNormalDay!.Value, 9); // hand-computed: 4 on the alert day, 8 on the other
    }

    /// <summary>The panel's first row, column name → number (null for SQL NULL).</summary>
    private static async Task<Dictionary<string, double?>> FirstRowOfPanelAsync(SimulatedMonth month, GrafanaQuery query, GrafanaDashboard dashboard, string title)
    {
        var panel = dashboard.Panels().Single(p => p.GetProperty("title").GetString() == title);
        using var reader = await month.Platform.Client.ExecuteReaderAsync(Bind(query.Expand(panel.GetProperty("targets")[0].GetProperty("rawSql").GetString()!), month));
        Assert.True(await reader.ReadAsync(), $"«{title}» returned no row");
        var row = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            row[reader.GetName(i)] = value is null or DBNull ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }
        return row;
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
