using ClosedXML.Excel;
using DataPlatform.Analytics.IntegrationTests.Infrastructure;
using DataPlatform.Analytics.Rating;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Reports;
using DataPlatform.Reports.Inspection;
using DataPlatform.Reports.RatingSection;
using DataPlatform.Reports.SelfAssessment;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Analytics.IntegrationTests.Reports;

[Collection(EnginesCollection.Name)]
public class SelfAssessmentAndInspectionTests(EnginesFixture engines, ReportLedgerFixture ledger) : IClassFixture<ReportLedgerFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => ledger.FillAsync(engines);

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateOnly From = new(2026, 10, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    [Fact]
    public async Task The_self_assessment_pack_carries_the_rating_service_s_figures_and_a_workbook_of_its_evidence()
    {
        var period = new ReportPeriod(ReportKind.SelfAssessment, ReportLedgerFixture.Enterprise, From, To);
        var output = Directory.CreateTempSubdirectory("dataplatform-pack-").FullName;
        var pack = await ledger.Service<SelfAssessmentPack>().WriteAsync(period, null, output, pdf: false, CancellationToken.None);

        var rated = RatingView.Of(await ledger.Service<RatingService>().RateAsync(ReportLedgerFixture.Enterprise, new RatingPeriod(From, To), null, CancellationToken.None));
        var html = await File.ReadAllTextAsync(pack.Html);
        Assert.Contains("绩效分级自评估报告", html);
        Assert.Contains($"绩效等级<b>{rated.LevelName}</b>", html);
        Assert.Contains($"{rated.AlertDays} / {rated.NormalDays}", html);

        using var workbook = new XLWorkbook(pack.Workbook);
        var summary = workbook.Worksheet("指标与判定");
        Assert.Equal("绩效等级", summary.Cell(2, 1).GetString());
        Assert.Equal(rated.LevelName, summary.Cell(2, 2).GetString());
        Assert.Equal(rated.Metrics[0].Value, summary.Cell(3, 2).GetString());
        var evidence = ledger.Service<RatingEvidence>();
        foreach (var metric in MetricNames.Ratios)
        {
            var rows = await evidence.ListAsync(ReportLedgerFixture.Enterprise, new RatingPeriod(From, To), metric, rated.Rules, CancellationToken.None);
            var sheet = workbook.Worksheet(MetricLabels.Name(metric).Length <= 31 ? MetricLabels.Name(metric) : MetricLabels.Name(metric)[..31]);
            Assert.Equal(rows.Count, sheet.LastRowUsed()!.RowNumber() - 1);
        }
    }

    [Fact]
    public async Task An_inspection_is_reproducible_from_its_seed_and_lists_every_passage_of_its_video_windows()
    {
        var sampler = ledger.Service<InspectionSampler>();
        var first = await sampler.WriteAsync(ReportLedgerFixture.Enterprise, From, To, 42, Directory.CreateTempSubdirectory("dataplatform-inspect-a-").FullName, CancellationToken.None);
        var again = await sampler.WriteAsync(ReportLedgerFixture.Enterprise, From, To, 42, Directory.CreateTempSubdirectory("dataplatform-inspect-b-").FullName, CancellationToken.None);
        Assert.Equal(4, first.Csv.Count);
        foreach (var (a, b) in first.Csv.Zip(again.Csv))
            Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));

        using var workbook = new XLWorkbook(first.Workbook);
        Assert.Equal(["说明", "记录完整性", "排放阶段复核", "正常日与预警日", "视频核验"], workbook.Worksheets.Select(w => w.Name));
        var records = workbook.Worksheet("记录完整性");
        Assert.Equal(first.Plan.RecordSamples, records.LastRowUsed()!.RowNumber() - 1);
        // The synthetic passages carry no pictures and are not sealed: the check must say so for each.
        Assert.All(Enumerable.Range(2, first.Plan.RecordSamples), r => Assert.Contains("无通行照片", records.Cell(r, 13).GetString()));
        Assert.Equal(first.Plan.StageSamples, workbook.Worksheet("排放阶段复核").LastRowUsed()!.RowNumber() - 1);
        Assert.Equal(first.Plan.NormalDays.Count + first.Plan.AlertDays.Count + 2, workbook.Worksheet("正常日与预警日").LastRowUsed()!.RowNumber() - 1);

        var video = workbook.Worksheet("视频核验");
        foreach (var window in first.Plan.Windows)
        {
            var expected = await ledger.ScalarAsync(
                $"SELECT count() FROM passages FINAL WHERE enterprise_id = {{e:String}} AND gate_id = '{window.GateId}' " +
                $"AND pass_time >= toDateTime('{window.From:yyyy-MM-dd HH:mm:ss}', 'Asia/Shanghai') AND pass_time < toDateTime('{window.To:yyyy-MM-dd HH:mm:ss}', 'Asia/Shanghai')");
            var label = $"{window.GateId} {window.From:yyyy-MM-dd HH:mm}–{window.To:HH:mm}";
            var listed = video.RowsUsed().Skip(1).Count(r => r.Cell(1).GetString() == label && r.Cell(9).GetString().Length > 0);
            Assert.Equal(expected, listed);
        }

        var other = await sampler.SampleAsync(ReportLedgerFixture.Enterprise, From, To, 43, CancellationToken.None);
        Assert.NotEqual(first.Plan.Windows, other.Plan.Windows);
    }
}
