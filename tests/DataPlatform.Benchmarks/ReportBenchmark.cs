using System.Diagnostics;
using ClickHouse.Driver;
using DataPlatform.Analytics.Rating;
using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Ledger;
using DataPlatform.Reports;
using DataPlatform.Reports.Model;
using DataPlatform.Reports.RatingSection;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Benchmarks;

/// <summary>Render time of one enterprise-month's report (model from the ledger, rating, charts, template; no PDF)
/// at each passage count, next to reading the same data raw from the engine: the month's passages, interceptions,
/// register and rating figures, each table scanned once with FINAL and no joins (the ratio is the figure). Goal:
/// ≤ 2 s at 1 M passages. The rating figures are refreshed first, as the platform's refresh job has them when a
/// report runs (that refresh is printed, not counted: a render recomputes only stale figures). Each size gets a
/// database of its own filled by <see cref="SyntheticLedger"/>.</summary>
public static class ReportBenchmark
{
    private const string Enterprise = "E1302001";

    /// <summary>The columns the report reads, each table once, for the month: what the engine needs at least.</summary>
    private static readonly string[] RawReads =
    [
        "SELECT count(), sum(cityHash64(passage_id, direction, pass_time, gate_id, device_id, confidence, review_reason, plate_no, plate_color)) " +
        "FROM passages FINAL WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date}",
        "SELECT count(), sum(cityHash64(passage_id, rule_id, rule_text, pass_time)) FROM interceptions " +
        "WHERE enterprise_id = {e:String} AND pass_date BETWEEN {from:Date} AND {to:Date}",
        "SELECT count(), sum(cityHash64(plate_no, plate_color, changed_at, stage, fuel, owner)) FROM road_vehicles FINAL WHERE enterprise_id = {e:String}",
        "SELECT count(), sum(road_trips) FROM rating_daily FINAL WHERE enterprise_id = {e:String} AND day BETWEEN {from:Date} AND {to:Date}",
    ];

    public static async Task RunAsync(EmbeddedClickHouse clickHouse, IReadOnlyList<long> sizes, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"Report render: one enterprise-month ({Enterprise}, 2026-10), HTML with charts, rating figures current; PDF not included");
        foreach (var passages in sizes)
        {
            var database = $"bench_report_{passages}";
            var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
            {
                ["ClickHouse:Endpoint"] = clickHouse.Endpoint.ToString(),
                ["ClickHouse:Database"] = database,
                ["Analytics:Urls"] = "http://127.0.0.1:0",
                ["Analytics:Rating:RefreshEnabled"] = "false",
                ["Reports:ScheduleEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.AddDataPlatform(PlatformRole.Analytics);
            using var host = builder.Build();
            await host.Services.GetRequiredService<LedgerMigrator>().MigrateAsync(ct);
            using var client = new ClickHouseClient(clickHouse.ConnectionString + $";Database={database}");
            var fill = Stopwatch.StartNew();
            await SyntheticLedger.FillMonthAsync(client, Enterprise, 2026, 10, passages, ct);
            await client.ExecuteNonQueryAsync("OPTIMIZE TABLE passages FINAL", null, null, ct);
            fill.Stop();

            var period = ReportPeriod.Month(Enterprise, 2026, 10);
            var refresh = await Timed(() => host.Services.GetRequiredService<RatingRefresher>().RefreshAsync(period.From, period.To, ct));
            var renderer = host.Services.GetRequiredService<ReportRenderer>();
            var models = host.Services.GetRequiredService<ReportModelBuilder>();
            var rating = host.Services.GetRequiredService<ReportRating>();
            await renderer.RenderHtmlAsync(period, ct); // warm-up: JIT, font registration, query caches

            var parameters = LedgerQuery.Period(Enterprise, period.From, period.To);
            var raw = await Timed(async () =>
            {
                foreach (var sql in RawReads) await client.ExecuteScalarAsync(sql, parameters, null, ct);
                return 0;
            });
            // Each figure family alone (the model runs them side by side).
            var queries = host.Services.GetRequiredService<ReportQueries>();
            var families = new (string Name, Func<Task<int>> Run)[]
            {
                ("passages", async () => (await queries.PassagesAsync(Enterprise, period.From, period.To, ct)).Daily.Count),
                ("entries×register 6 months", async () => (await queries.EntryFactsAsync(Enterprise, period.From.AddMonths(-5), period.To, ct)).Count),
                ("interceptions", async () => (await queries.InterceptionsAsync(Enterprise, period.From, period.To, ct)).ByRule.Count),
                ("regulator", async () => (int)(await queries.RegulatorAsync(Enterprise, period.From, period.To, ct)).Generated),
            };
            var split = new List<string>();
            foreach (var (name, run) in families) split.Add($"{name} {(await Timed(run)).Elapsed.TotalSeconds:F2} s");
            var model = await Timed(() => models.BuildAsync(period, ct));
            var rated = await Timed(() => rating.RateAsync(Enterprise, period.From, period.To, null, ct));
            var render = await Timed(() => renderer.RenderHtmlAsync(period, ct));
            output.WriteLine($"  {passages,10:N0} passages ({model.Result.Totals.Entries + model.Result.Totals.Exits:N0} in the month): " +
                             $"render {render.Elapsed.TotalSeconds,6:F2} s (model {model.Elapsed.TotalSeconds:F2} s, rating {rated.Elapsed.TotalSeconds:F2} s), " +
                             $"raw reads {raw.Elapsed.TotalSeconds:F3} s, ratio {render.Elapsed / raw.Elapsed,5:F1}×, HTML {render.Result.Length / 1024:N0} KiB; " +
                             $"rating refresh (job) {refresh.Elapsed.TotalSeconds:F1} s, fill {fill.Elapsed.TotalSeconds:F1} s");
            output.WriteLine($"  {"",10}   figure families alone: {string.Join(", ", split)}");
            await client.ExecuteNonQueryAsync($"DROP DATABASE IF EXISTS `{database}`", null, null, ct);
        }
        output.WriteLine();
    }

    private static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (result, clock.Elapsed);
    }
}
