using System.Text;
using DataPlatform.Analytics.Rating;
using DataPlatform.Rating;
using DataPlatform.Rating.Metrics;
using DataPlatform.Reports.Charts;
using DataPlatform.Reports.Export;
using DataPlatform.Reports.Model;
using DataPlatform.Reports.Pdf;
using DataPlatform.Reports.RatingSection;
using DataPlatform.Reports.Templates;
using Microsoft.Extensions.Options;
using Scriban.Runtime;

namespace DataPlatform.Reports.SelfAssessment;

/// <summary>The files of a self-assessment pack.</summary>
public sealed record SelfAssessmentFiles(string Html, string? Pdf, string Workbook)
{
    public IReadOnlyList<string> Files => Pdf is null ? [Html, Workbook] : [Html, Pdf, Workbook];
}

/// <summary>一键生成自评估报告: for a period, the rating (metrics, criteria, the 6-month trend) as a Chinese HTML report
/// with charts, and an Excel workbook with the records behind every figure — the rating service's own evidence
/// (<c>dataplatform rating evidence</c>) for each ratio metric, one sheet each.</summary>
public sealed class SelfAssessmentPack(
    ReportModelBuilder models,
    ReportRating rating,
    RatingEvidence evidence,
    ReportTemplates templates,
    ChromiumPdfPrinter printer,
    IOptions<ReportsOptions> options)
{
    public async Task<SelfAssessmentFiles> WriteAsync(ReportPeriod period, string? rules, string folder, bool pdf, CancellationToken ct)
    {
        var chosenRules = rules ?? options.Value.RatingRules;
        var model = await models.BuildAsync(period, ct);
        var result = await rating.RateAsync(period.EnterpriseId, period.From, period.To, chosenRules, ct);
        var trend = await rating.TrendAsync(period.EnterpriseId, period.To, ReportModelBuilder.TrendMonths, chosenRules, ct);
        var sheets = new List<SheetTable> { Summary(result), Trend(trend), Structure(model) };
        foreach (var metric in MetricNames.Ratios)
            sheets.Add(Evidence(metric, await evidence.ListAsync(period.EnterpriseId, new RatingPeriod(period.From, period.To), metric, result.Rules, ct)));

        var charts = new ScriptObject();
        foreach (var (name, svg) in ReportCharts.Svg(model)) charts[name] = svg;
        charts["rating_trend"] = ReportCharts.Html("rating_trend", ReportCharts.RatingTrend(trend));
        var html = templates.Render("self-assessment.html.sbn", new Dictionary<string, object?>
        {
            ["title"] = ReportRenderer.Title(period),
            ["report"] = model,
            ["charts"] = charts,
            ["rating"] = result,
            ["trend"] = trend,
            ["evidence"] = sheets.Skip(3).Select(s => new { name = s.Name, rows = s.Rows.Count }).ToList(),
        });

        Directory.CreateDirectory(folder);
        var stem = Path.Combine(Path.GetFullPath(folder), period.FileStem);
        await ReportRenderer.WriteWholeAsync(stem + ".html", Encoding.UTF8.GetBytes(html), ct);
        await TableExport.WriteWorkbookAsync(stem + ".xlsx", sheets, ct);
        var printed = pdf && await printer.PrintAsync(stem + ".html", stem + ".pdf", ct);
        return new SelfAssessmentFiles(stem + ".html", printed ? stem + ".pdf" : null, stem + ".xlsx");
    }

    private static SheetTable Summary(RatingView rating) => new("指标与判定", "summary", ["项目", "数值", "限值", "结果"],
    [
        ["绩效等级", rating.LevelName, "", $"规则集 {rating.Rules}"],
        .. rating.Metrics.Select(m => SheetTable.Row(m.Name, m.Value, "", "")),
        .. rating.Criteria.Select(c => SheetTable.Row(c.Name, c.Value, c.Threshold, c.Pass ? "达标" : "不达标")),
        ["预警日天数", rating.AlertDays, "", ""],
        ["预警日拦截车次", rating.AlertDayInterceptions, "", ""],
        ["预警日日均重型货车进厂", rating.HeavyPassagesPerAlertDay, "", ""],
        ["正常日日均重型货车进厂", rating.HeavyPassagesPerNormalDay, "", ""],
    ]);

    private static SheetTable Trend(IReadOnlyList<MonthRating> trend) => new("月度趋势", "trend",
        ["月份", "等级", .. MetricNames.Ratios.Select(MetricLabels.Name)],
        trend.Select(t => SheetTable.Row([t.Month, t.Rating.LevelName, .. t.Rating.Metrics.Take(MetricNames.Ratios.Count).Select(m => (object?)m.Value)])).ToList());

    private static SheetTable Structure(ReportModel model) => new("进厂排放阶段结构", "stages", ["排放阶段", "进厂车次", "占比"],
        model.Stages.Select(s => SheetTable.Row(s.Name, s.Count, Math.Round(s.Share, 6))).ToList());

    private static SheetTable Evidence(string metric, IReadOnlyList<EvidenceRow> rows) => new(SheetName(metric), metric,
        ["类别", "编号", "时间", "车牌号", "车辆类型", "排放阶段", "运输量 (t)", "计入分子", "计入分母", "通行记录", "照片", "称重记录", "单据/货物"],
        rows.Select(r => SheetTable.Row(
            r.Kind, r.Id, r.Time, r.Plate, r.VehicleType, r.Stage, r.Tonnes, r.InNumerator, r.InDenominator, r.Passages, r.Pictures, r.Weighings, r.Reference
        )).ToList());

    // Excel sheet names: at most 31 characters.
    private static string SheetName(string metric)
    {
        var name = MetricLabels.Name(metric);
        return name.Length <= 31 ? name : name[..31];
    }
}
