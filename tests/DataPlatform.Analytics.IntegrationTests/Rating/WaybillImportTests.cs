using System.Net;
using System.Text;
using ClosedXML.Excel;
using DataPlatform.Analytics.Http;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Analytics.Rating;
using DataPlatform.Analytics.Waybills;
using DataPlatform.Cli.Hosting;
using DataPlatform.Rating;
using DataPlatform.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Analytics.IntegrationTests.Rating;

/// <summary>Waybill import on the real engine: idempotent, all or nothing, sealed and verified, over CSV, .xlsx and HTTP.</summary>
[Collection(EnginesCollection.Name)]
public sealed class WaybillImportTests(EnginesFixture engines)
{
    private const string Header = "date,mode,direction,material,tonnes,reference";

    private static Gen<string> Line { get; } =
        from day in Gen.Choose(1, 28)
        from mode in Gen.Elements("rail", "皮带", "water", "管道")
        from direction in Gen.Elements("in", "出")
        from kg in Gen.Choose(1, 9_000_000)
        from reference in Gen.Choose(1, 40)
        select $"2026-10-{day:00},{mode},{direction},煤,{kg / 1000m},R{reference}";

    private static Task<long> StoredAsync(RatingLedgerHost host, string enterprise) => host.Platform.ScalarAsync(
        $"SELECT count() FROM `{host.Platform.Database}`.clean_mode_shipments FINAL WHERE enterprise_id = '{enterprise}'");

    [Fact]
    public async Task Import_is_idempotent_and_all_or_nothing()
    {
        await using var host = await RatingLedgerHost.CreateAsync(engines);
        var importer = host.Get<WaybillImporter>();
        var round = 0;
        // Real imports on the engine, so few cases: each one is a fresh enterprise.
        var property = Prop.ForAll(Gen.NonEmptyListOf(Line).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (lines, bad) =>
        {
            var enterprise = $"P{round++}";
            var csv = Header + "\n" + string.Join("\n", lines);
            var distinct = WaybillRowsDistinct(csv, enterprise);
            var first = importer.ImportAsync(enterprise, "a.csv", Encoding.UTF8.GetBytes(csv), "test", CancellationToken.None).GetAwaiter().GetResult();
            Assert.True(first.Accepted);
            Assert.Equal(distinct, first.Added);
            var again = importer.ImportAsync(enterprise, "b.csv", Encoding.UTF8.GetBytes(csv), "test", CancellationToken.None).GetAwaiter().GetResult();
            Assert.Equal(0, again.Added);
            Assert.Equal(lines.Count, again.AlreadyStored);
            // One bad row more (plus new good ones): refused whole, nothing added.
            var spoilt = csv + "\n2026-10-02,rail,in,煤,99,NEW-1" + string.Concat(Enumerable.Repeat("\n2026-10-02,truck,in,煤,1,X", bad + 1));
            var refused = importer.ImportAsync(enterprise, "c.csv", Encoding.UTF8.GetBytes(spoilt), "test", CancellationToken.None).GetAwaiter().GetResult();
            Assert.False(refused.Accepted);
            Assert.Equal(bad + 1, refused.Errors.Count);
            Assert.Equal(distinct, StoredAsync(host, enterprise).GetAwaiter().GetResult());
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), property);
        var report = await host.Get<CleanModeShipmentVerifier>().VerifyAsync(null, null, CancellationToken.None);
        Assert.True(report.IsIntact, string.Join("\n", report.Findings));
        Assert.True(report.Records > 0);
    }

    private static int WaybillRowsDistinct(string csv, string enterprise) =>
        DataPlatform.Rating.Waybills.WaybillRows.Check(WaybillFile.Csv(csv)).Rows
            .Select(r => DataPlatform.Rating.Waybills.WaybillRows.Canonical(enterprise, r)).Distinct().Count();

    [Fact]
    public async Task Ledger_verify_names_a_shipment_altered_after_import()
    {
        await using var host = await RatingLedgerHost.CreateAsync(engines);
        var result = await host.Get<WaybillImporter>().ImportAsync("E1", "rail.csv",
            Encoding.UTF8.GetBytes($"{Header}\n2026-10-01,rail,in,铁矿石,3200,TL-1\n2026-10-02,rail,in,铁矿石,3100,TL-2"), "王工", CancellationToken.None);
        Assert.Equal(2, result.Added);
        var verifier = host.Get<CleanModeShipmentVerifier>();
        Assert.True((await verifier.VerifyAsync(null, null, CancellationToken.None)).IsIntact);
        Assert.Equal(1, await host.Platform.ScalarAsync($"SELECT count() FROM `{host.Platform.Database}`.clean_mode_shipments WHERE reference = 'TL-2' AND imported_by = '王工'"));
        await host.Platform.Client.ExecuteNonQueryAsync(
            $"ALTER TABLE `{host.Platform.Database}`.clean_mode_shipments UPDATE tonnes = 31000 WHERE reference = 'TL-2' SETTINGS mutations_sync = 1");
        var report = await verifier.VerifyAsync(null, null, CancellationToken.None);
        Assert.False(report.IsIntact);
        Assert.Contains(report.Findings, f => f.RecordId is not null);
    }

    [Fact]
    public async Task The_http_endpoint_imports_xlsx_and_refuses_a_bad_csv_listing_its_rows()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Processing | PlatformRole.Analytics);
        var url = new Uri(host.Services.GetRequiredService<AnalyticsHttpServer>().Urls.Single());
        using var http = new HttpClient();

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("运单");
        string[] header = ["date", "mode", "direction", "material", "tonnes", "reference"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        sheet.Cell(2, 1).Value = new DateTime(2026, 10, 3);
        sheet.Cell(2, 2).Value = "铁路";
        sheet.Cell(2, 3).Value = "进";
        sheet.Cell(2, 4).Value = "铁矿石";
        sheet.Cell(2, 5).Value = 1234.5;
        sheet.Cell(2, 6).Value = "TL-X1";
        using var xlsx = new MemoryStream();
        workbook.SaveAs(xlsx);
        using var ok = await http.PostAsync(new Uri(url, "/api/v1/waybills/import?enterprise=E9&importedBy=王工&file=rail.xlsx"), new ByteArrayContent(xlsx.ToArray()));
        var okBody = await ok.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"added\": 1", okBody, StringComparison.Ordinal);
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM `{platform.Database}`.clean_mode_shipments WHERE enterprise_id = 'E9' AND tonnes = 1234.5 AND mode = 'rail'"));

        var bad = Encoding.UTF8.GetBytes($"\uFEFF{Header}\n2026-10-01,rail,in,煤,10,R1\n2026-10-01,lorry,in,煤,10,R2\n2026-10-01,rail,in,煤,-1,R3");
        using var refused = await http.PostAsync(new Uri(url, "/api/v1/waybills/import?enterprise=E9"), new ByteArrayContent(bad));
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"line\": 3", body, StringComparison.Ordinal);
        Assert.Contains("\"line\": 4", body, StringComparison.Ordinal);
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM `{platform.Database}`.clean_mode_shipments WHERE enterprise_id = 'E9'"));
    }

    [Fact]
    public async Task Late_data_changes_a_past_period_at_the_next_refresh()
    {
        await using var host = await RatingLedgerHost.CreateAsync(engines);
        var refresher = host.Get<RatingRefresher>();
        var service = host.Get<RatingService>();
        var september = RatingPeriod.Month(2026, 9);
        await host.Rows.TripAsync("E5", "冀C00001", "H11", "2026-09-10 10:00:00", 10000);
        await refresher.RefreshChangedAsync("test", CancellationToken.None);
        var before = (await service.RateAsync("E5", september, "general", CancellationToken.None)).Metrics;
        Assert.Equal(1, before.UnknownStageTrips);
        Assert.Equal(0.0, before.CompliantRoadShareTrips);

        // A register correction (the vehicle learnt as 国六 long after), a waybill file of September imported in
        // November and a back-filled trip of an outage: all three show after one refresh.
        await host.Rows.RoadVehicleAsync("冀C00001", "H11", "6", "2026-11-20 00:00:00");
        await host.Get<WaybillImporter>().ImportAsync("E5", "sep.csv", Encoding.UTF8.GetBytes($"{Header}\n2026-09-05,rail,in,煤,90,R-905"), "test", CancellationToken.None);
        await host.Rows.TripAsync("E5", "冀C00002", "H11", "2026-09-11 10:00:00", 5000);
        Assert.True(await refresher.RefreshChangedAsync("test", CancellationToken.None) > 0);
        var after = (await service.RateAsync("E5", september, "general", CancellationToken.None)).Metrics;
        Assert.Equal(1, after.UnknownStageTrips);
        Assert.Equal(0.5, after.CompliantRoadShareTrips);
        Assert.Equal(15m, after.RoadTonnes);
        Assert.Equal(90m, after.CleanModeTonnes);
    }
}
