using System.Diagnostics;
using ClickHouse.Driver;
using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Ledger;
using DataPlatform.Reports;
using DataPlatform.Reports.Model;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Benchmarks;

/// <summary>Render time of one enterprise-month's report (model from the ledger, rating, charts, template; no PDF)
/// at each passage count, next to a raw <c>count()</c> scan of the same month (the ratio is the figure). Goal:
/// ≤ 2 s at 1 M passages. Each size gets a database of its own filled by <see cref="SyntheticLedger"/>.</summary>
public static class ReportBenchmark
{
    public static async Task RunAsync(EmbeddedClickHouse clickHouse, IReadOnlyList<long> sizes, TextWriter output, CancellationToken ct)
    {
        output.WriteLine("Report render: one enterprise-month (E1302001, 2026-10), HTML with charts, rating refreshed; PDF not included");
        foreach (var passages in sizes)
        {
            var database = $"bench_report_{passages}";
            var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
            {
                ["ClickHouse:Endpoint"] = clickHouse.Endpoint.ToString(),
                ["ClickHouse:Database"] = database,
                ["Analytics:Urls"] = "http://127.0.0.1:0",
                ["Reports:ScheduleEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.AddDataPlatform(PlatformRole.Analytics);
            using var host = builder.Build();
            await host.Services.GetRequiredService<LedgerMigrator>().MigrateAsync(ct);
            using var client = new ClickHouseClient(clickHouse.ConnectionString + $";Database={database}");
            var fill = Stopwatch.StartNew();
            await SyntheticLedger.FillMonthAsync(client, "E1302001", 2026, 10, passages, ct);
            await client.ExecuteNonQueryAsync("OPTIMIZE TABLE passages FINAL", null, null, ct);
            fill.Stop();

            var period = ReportPeriod.Month("E1302001", 2026, 10);
            var renderer = host.Services.GetRequiredService<ReportRenderer>();
            var models = host.Services.GetRequiredService<ReportModelBuilder>();
            await renderer.RenderHtmlAsync(period, ct); // warm-up: JIT, font registration, query caches
            var scan = Stopwatch.StartNew();
            var counted = Convert.ToInt64(await client.ExecuteScalarAsync(
                "SELECT count() FROM passages FINAL WHERE enterprise_id = 'E1302001' AND toDate(pass_time) BETWEEN '2026-10-01' AND '2026-10-31'", null, null, ct));
            scan.Stop();
            var model = Stopwatch.StartNew();
            await models.BuildAsync(period, ct);
            model.Stop();
            var render = Stopwatch.StartNew();
            var html = await renderer.RenderHtmlAsync(period, ct);
            render.Stop();
            output.WriteLine($"  {passages,10:N0} passages ({counted:N0} in the month): render {render.Elapsed.TotalSeconds,6:F2} s (model {model.Elapsed.TotalSeconds:F2} s), " +
                             $"raw count() FINAL {scan.Elapsed.TotalSeconds:F3} s, ratio {render.Elapsed / scan.Elapsed,6:F1}×, HTML {html.Length / 1024:N0} KiB; fill {fill.Elapsed.TotalSeconds:F1} s");
            await client.ExecuteNonQueryAsync($"DROP DATABASE IF EXISTS `{database}`", null, null, ct);
        }
        output.WriteLine();
    }
}
