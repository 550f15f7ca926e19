using System.Diagnostics;
using System.Text;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Analytics.Rating;
using DataPlatform.Rating;
using DataPlatform.Reports;
using DataPlatform.Reports.Model;
using DataPlatform.Reports.RatingSection;
using DataPlatform.Reports.Templates;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.IntegrationTests.Reports;

[Collection(EnginesCollection.Name)]
public class MonthlyReportTests(EnginesFixture engines, ReportLedgerFixture ledger) : IClassFixture<ReportLedgerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => ledger.FillAsync(engines);

    public Task DisposeAsync() => Task.CompletedTask;

    private const string InOctober = "enterprise_id = {e:String} AND toDate(pass_time) BETWEEN '2026-10-01' AND '2026-10-31'";

    [Fact]
    public async Task The_month_s_figures_equal_direct_sql_over_the_ledger()
    {
        var model = await ledger.Service<ReportModelBuilder>().BuildAsync(ledger.October, CancellationToken.None);

        Assert.Equal(await ledger.ScalarAsync($"SELECT count() FROM passages FINAL WHERE {InOctober} AND direction = 1"), model.Totals.Entries);
        Assert.Equal(await ledger.ScalarAsync($"SELECT count() FROM passages FINAL WHERE {InOctober} AND direction = 2"), model.Totals.Exits);
        Assert.Equal(ReportLedgerFixture.Passages, model.Totals.Entries + model.Totals.Exits);
        Assert.Equal(31, model.Daily.Count);
        Assert.Equal(await ledger.ScalarAsync($"SELECT count() FROM passages FINAL WHERE enterprise_id = {{e:String}} AND toDate(pass_time) = '2026-10-17' AND direction = 1"),
            model.Daily.Single(d => d.Day == new DateOnly(2026, 10, 17)).Entries);

        var denied = await ledger.ScalarAsync($"SELECT count() FROM gate_decisions FINAL WHERE {InOctober} AND outcome = 'deny'");
        Assert.True(denied > 0);
        Assert.Equal(denied, model.Totals.Interceptions);
        Assert.Equal(denied, model.Interceptions.Sum(i => i.Count));
        Assert.Equal(denied, model.HotHours.Rows.Sum(r => r.Hours.Sum()));
        Assert.Equal(await ledger.ScalarAsync($"SELECT count() FROM gate_decisions FINAL WHERE {InOctober} AND outcome = 'deny' AND toDayOfWeek(pass_time) = 3 AND toHour(pass_time) = 14"),
            model.HotHours.Rows[2].Hours[14]);

        // Stage structure: entries joined to the register by plate (one version per vehicle in this ledger).
        const string entriesByStage =
            """
            SELECT count() FROM passages AS p FINAL
            LEFT JOIN (SELECT plate_no, plate_color, stage, owner FROM road_vehicles FINAL WHERE enterprise_id = {e:String}) AS r
              ON r.plate_no = p.plate_no AND r.plate_color = p.plate_color
            WHERE p.enterprise_id = {e:String} AND toDate(p.pass_time) BETWEEN '2026-10-01' AND '2026-10-31' AND p.direction = 1
            """;
        Assert.Equal(await ledger.ScalarAsync(entriesByStage + " AND r.stage = '6'"), model.Stages.Single(s => s.Code == "6").Count);
        Assert.Equal(await ledger.ScalarAsync(entriesByStage + " AND r.stage = 'D'"), model.Stages.Single(s => s.Code == "D").Count);
        Assert.Equal(await ledger.ScalarAsync(entriesByStage + " AND r.stage = ''"), model.Stages.Single(s => s.Code == "?").Count);
        Assert.Equal(1.0, model.Stages.Sum(s => s.Share), 9);
        Assert.Equal(6, model.StageTrend.Count);
        Assert.Equal("2026-05", model.StageTrend[0].Month);
        Assert.Equal(await ledger.ScalarAsync("SELECT count() FROM passages FINAL WHERE enterprise_id = {e:String} AND toYYYYMM(pass_time) = 202607 AND direction = 1"),
            model.StageTrend[2].Total);
        // Fuel structure's trend: the same six months and totals, the same fuels in the same order every month, and
        // the report's month equal to its fuel structure.
        Assert.Equal(model.StageTrend.Select(m => (m.Month, m.Total)), model.FuelTrend.Select(m => (m.Month, m.Total)));
        Assert.All(model.FuelTrend, m => Assert.Equal(model.FuelTrend[0].Groups.Select(g => g.Name), m.Groups.Select(g => g.Name)));
        Assert.All(model.FuelTrend.Where(m => m.Total > 0), m => Assert.Equal(1.0, m.Groups.Sum(g => g.Share), 9));
        Assert.Equal(model.Fuels.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => (f.Name, f.Count)),
            model.FuelTrend[^1].Groups.Where(g => g.Count > 0).OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => (g.Name, g.Count)));

        // Carriers: 国六 + new-energy share of each owner's entries; the ranking is by that share.
        var carrier = model.Carriers[0];
        Assert.Equal(await ledger.ScalarAsync(entriesByStage + $" AND r.owner = '{carrier.Carrier}' AND r.stage IN ('6', 'D')"), carrier.CompliantEntries);
        Assert.True(model.Carriers.Zip(model.Carriers.Skip(1)).All(p => p.First.CompliantShare >= p.Second.CompliantShare));

        Assert.Equal(4, model.Devices.Count);
        Assert.Equal(4, model.Devices.Single(d => d.DeviceId == "cam-1").OfflineAlarms);
        Assert.Equal(await ledger.ScalarAsync($"SELECT count() FROM passages FINAL WHERE {InOctober} AND device_id = 'cam-2' AND review_reason != ''"),
            (long)Math.Round(model.Devices.Single(d => d.DeviceId == "cam-2").FlaggedShare * model.Devices.Single(d => d.DeviceId == "cam-2").Passages));

        Assert.Equal(31 * 2 * 100, model.Regulator.Generated);
        Assert.Equal(0.95, model.Regulator.TransmissionRate!.Value, 9);
        Assert.Equal(97.0 / 99, model.Regulator.CompletenessRate!.Value, 9);
        Assert.Equal(30, model.Regulator.BackfillRecords);
        Assert.Equal(60, model.Regulator.BackfillAttempts);
        Assert.Equal(await ledger.ScalarAsync($"SELECT count() FROM passages FINAL WHERE {InOctober} AND review_reason != ''"), model.Reviews.Pending);
        Assert.Null(model.Forecasts);
    }

    [Fact]
    public async Task The_rating_section_is_the_rating_service_s_result_recomputed_only_when_the_ledger_changed()
    {
        var rated = await ledger.Service<ReportRating>().RateAsync(ReportLedgerFixture.Enterprise, ledger.October.From, ledger.October.To, null, CancellationToken.None);
        var direct = await ledger.Service<RatingService>().RateAsync(ReportLedgerFixture.Enterprise, RatingPeriod.Month(2026, 10),
            ledger.Service<IOptions<ReportsOptions>>().Value.RatingRules, CancellationToken.None);
        Assert.Equal(direct.Level, rated.Level);
        Assert.Equal(direct.Metrics.CleanTransportRatio, rated.CleanTransportRatio);
        Assert.Equal(direct.Metrics.HeavyPassagesPerNormalDay, rated.HeavyPassagesPerNormalDay);
        Assert.Equal(direct.Criteria.Select(c => (c.Id, c.Pass)), rated.Criteria.Select(c => (c.Id, c.Pass)));

        // A late entry of an enterprise makes its October figures stale; the next report recomputes them, then reads them as they are.
        const string late = "E1302099";
        var freshness = ledger.Service<RatingFreshness>();
        var (from, to) = (ledger.October.From, ledger.October.To);
        Assert.False(await freshness.IsStaleAsync(ReportLedgerFixture.Enterprise, from, to, CancellationToken.None));
        await ledger.Client.ExecuteNonQueryAsync(
            """
            INSERT INTO passages (passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, confidence, vehicle_type, device_id, pictures, review_reason)
            VALUES (generateUUIDv4(), 'late-1', 'E1302099', 'G01', 'L1', 1, '2026-10-20 09:30:00', '冀B77777', 'yellow', 0.95, 'H11', 'cam-9', [], '')
            """);
        Assert.True(await freshness.IsStaleAsync(late, from, to, CancellationToken.None));
        await ledger.Service<ReportRating>().RateAsync(late, from, to, null, CancellationToken.None);
        Assert.False(await freshness.IsStaleAsync(late, from, to, CancellationToken.None));
        Assert.Equal(1, await ledger.ScalarAsync("SELECT sum(passages) FROM rating_daily FINAL WHERE enterprise_id = 'E1302099' AND day = '2026-10-20'"));
    }

    [Fact]
    public async Task Forecasts_and_anomaly_flags_appear_only_where_the_ml_tables_hold_rows()
    {
        var period = ReportPeriod.Month(ReportLedgerFixture.OtherEnterprise, 2026, 10);
        var builder = ledger.Service<ReportModelBuilder>();
        // Columns as the ML stage's migrations 0091/0092 create them (its contract for readers).
        await ledger.Client.ExecuteNonQueryAsync(
            """
            CREATE TABLE IF NOT EXISTS traffic_forecasts (enterprise_id LowCardinality(String), gate_id LowCardinality(String), direction UInt8,
              hour_start DateTime('Asia/Shanghai'), forecast_at DateTime64(3, 'Asia/Shanghai'), horizon_hours UInt16, predicted Float32, baseline Float32,
              model_kind LowCardinality(String) DEFAULT 'traffic-forecast', model_version String, recorded_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = ReplacingMergeTree(recorded_at) ORDER BY (enterprise_id, gate_id, direction, hour_start, forecast_at)
            """);
        Assert.Null((await builder.BuildAsync(period, CancellationToken.None)).Forecasts);

        await ledger.Client.ExecuteNonQueryAsync(
            """
            CREATE TABLE IF NOT EXISTS anomaly_flags (flag_id UUID, version UInt32, kind LowCardinality(String), enterprise_id LowCardinality(String),
              gate_id LowCardinality(String), subject String, observed_from DateTime('Asia/Shanghai'), observed_to DateTime('Asia/Shanghai'), score Float64,
              model_kind LowCardinality(String), model_version String, title String, detail String, passage_ids Array(UUID), reading_ids Array(UUID),
              pictures Array(String), status LowCardinality(String), reviewer String, review_note String, raised_at DateTime64(3, 'Asia/Shanghai'),
              changed_at DateTime64(3, 'Asia/Shanghai'), recorded_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = ReplacingMergeTree(version) ORDER BY (kind, flag_id, version)
            """);
        // Two runs forecast 5 October's hours at gate G01; the later run (2.0 per hour) counts.
        await ledger.Client.ExecuteNonQueryAsync(
            """
            INSERT INTO traffic_forecasts (enterprise_id, gate_id, direction, hour_start, forecast_at, horizon_hours, predicted, baseline, model_version)
            SELECT 'E1302002', 'G01', 1, toDateTime('2026-10-05 00:00:00', 'Asia/Shanghai') + number * 3600, toDateTime64(t, 3, 'Asia/Shanghai'), 1, p, 0, 'v1'
            FROM numbers(24) ARRAY JOIN [('2026-10-04 20:00:00', 1.0), ('2026-10-04 23:00:00', 2.0)] AS run
            ARRAY JOIN [run.1] AS t, [run.2] AS p
            """);
        await ledger.Client.ExecuteNonQueryAsync(
            """
            INSERT INTO anomaly_flags (flag_id, version, kind, enterprise_id, gate_id, subject, observed_from, observed_to, score, model_kind, model_version,
                                       title, detail, passage_ids, reading_ids, pictures, status, reviewer, review_note, raised_at, changed_at)
            VALUES (generateUUIDv4(), 1, 'night-burst', 'E1302002', 'G01', 'G01', '2026-10-07 02:00:00', '2026-10-07 03:00:00', 3.5, 'night-burst', 'v1',
                    '夜间车流异常', '02:00–03:00 进厂 40 车次', [], [], [], 'open', '', '', now64(3), now64(3))
            """);

        var model = await builder.BuildAsync(period, CancellationToken.None);
        var day = Assert.Single(model.Forecasts!.Days);
        Assert.Equal(new DateOnly(2026, 10, 5), day.Day);
        Assert.Equal(48.0, day.Forecast);
        Assert.Equal(model.Daily.Single(d => d.Day == day.Day).Entries, day.Actual);
        var flag = Assert.Single(model.Forecasts.Anomalies);
        Assert.Equal("2026-10-07 02:00", flag.Day);
        Assert.Contains("夜间车流异常", flag.Detail);
        var html = ledger.Service<ReportRenderer>().RenderHtml(model, null);
        Assert.Contains("流量预测与异常", html);
        Assert.DoesNotContain("流量预测与异常", await ledger.Service<ReportRenderer>().RenderHtmlAsync(ledger.October, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_ledger_renders_byte_identical_html_twice()
    {
        var renderer = ledger.Service<ReportRenderer>();
        var first = await renderer.RenderHtmlAsync(ledger.October, CancellationToken.None);
        var second = await ledger.Host().Services.GetRequiredService<ReportRenderer>().RenderHtmlAsync(ledger.October, CancellationToken.None);
        Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
        Assert.Contains("2026年10月环保门禁管理月报", first);
        Assert.Contains("<svg", first);
        Assert.Contains("承运单位环保绩效排名", first);
        var entries = await ledger.ScalarAsync($"SELECT count() FROM passages FINAL WHERE {InOctober} AND direction = 1");
        Assert.Contains($"进厂车次<b>{entries:N0}</b>", first);
    }

    [Fact]
    public async Task A_broken_template_names_its_line_and_writes_no_report()
    {
        var templates = Directory.CreateTempSubdirectory("dataplatform-templates-").FullName;
        await File.WriteAllTextAsync(Path.Combine(templates, "monthly.html.sbn"), "<html>\n<h1>{{ title }}</h1>\n{{ for x in report.daily }}\n");
        var output = Directory.CreateTempSubdirectory("dataplatform-out-").FullName;
        var renderer = ledger.Host(new() { ["Reports:TemplateFolder"] = templates }).Services.GetRequiredService<ReportRenderer>();

        var error = await Assert.ThrowsAsync<ReportTemplateException>(() => renderer.RenderToFolderAsync(ledger.October, output, pdf: false, CancellationToken.None));
        Assert.Contains("monthly.html.sbn", error.Message);
        Assert.Matches("第 [34] 行", error.Message);
        Assert.Empty(Directory.GetFiles(output));

        await File.WriteAllTextAsync(Path.Combine(templates, "monthly.html.sbn"), "<h1>{{ title }}</h1>\n\n{{ report.no_such_thing.size }}\n");
        error = await Assert.ThrowsAsync<ReportTemplateException>(() => renderer.RenderToFolderAsync(ledger.October, output, pdf: false, CancellationToken.None));
        Assert.Contains("第 3 行", error.Message);
        Assert.Empty(Directory.GetFiles(output));

        await File.WriteAllTextAsync(Path.Combine(templates, "monthly.html.sbn"), "<h1>{{ title }} 自定义</h1>");
        var report = await renderer.RenderToFolderAsync(ledger.October, output, pdf: false, CancellationToken.None);
        Assert.Equal("<h1>2026年10月环保门禁管理月报 自定义</h1>", await File.ReadAllTextAsync(report.Html));
        Assert.Equal("monthly-2026-10.html", Path.GetFileName(report.Html));
    }

    [Fact]
    public async Task The_pdf_printed_by_chromium_shows_the_chinese_title_on_a_page_that_is_not_blank()
    {
        var output = Directory.CreateTempSubdirectory("dataplatform-pdf-").FullName;
        var report = await ledger.Service<ReportRenderer>().RenderToFolderAsync(ledger.October, output, pdf: true, CancellationToken.None);
        Assert.NotNull(report.Pdf);

        var text = await Run("pdftotext", "-f", "1", "-l", "1", report.Pdf!, "-");
        Assert.Contains("2026年10月环保门禁管理月报", text.Replace(" ", ""));
        Assert.Contains("运输概况", text);

        var artifacts = TestArtifacts.Folder("reports");
        var prefix = Path.Combine(artifacts, "monthly-2026-10-page");
        await Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", report.Pdf!, prefix);
        var page = Directory.GetFiles(artifacts, "monthly-2026-10-page*1.png").Single();
        Assert.True(PngInk.NonWhiteShare(page) > 0.02, $"page 1 looks blank: {page}");
    }

    internal static async Task<string> Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {stderr}");
        return stdout;
    }
}
