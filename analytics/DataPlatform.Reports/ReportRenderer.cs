using System.Text;
using DataPlatform.Reports.Charts;
using DataPlatform.Reports.Model;
using DataPlatform.Reports.Pdf;
using DataPlatform.Reports.RatingSection;
using DataPlatform.Reports.Templates;
using Scriban.Runtime;

namespace DataPlatform.Reports;

/// <summary>The files one rendering wrote (absolute paths); <see cref="Pdf"/> is null when there was no Chromium.</summary>
public sealed record RenderedReport(string Html, string? Pdf)
{
    public IReadOnlyList<string> Files => Pdf is null ? [Html] : [Html, Pdf];
}

/// <summary>Renders a report: the model from the ledger, ScottPlot charts, the Scriban template, then the PDF.
/// The HTML depends on the ledger and the period only (no clock, no random order): the same inputs give the same bytes.</summary>
public sealed class ReportRenderer(ReportModelBuilder models, ReportRating rating, ReportTemplates templates, ChromiumPdfPrinter printer)
{
    /// <summary>The report's HTML text; a template error throws before anything is written.</summary>
    public async Task<string> RenderHtmlAsync(ReportPeriod period, CancellationToken ct)
    {
        var model = await models.BuildAsync(period, ct);
        var rated = await rating.RateAsync(period.EnterpriseId, period.From, period.To, null, ct);
        return RenderHtml(model, rated);
    }

    /// <summary>Renders a model with its rating (null: the rating section is left out).</summary>
    public string RenderHtml(ReportModel model, RatingView? rated)
    {
        var charts = new ScriptObject();
        foreach (var (name, svg) in ReportCharts.Svg(model)) charts[name] = svg;
        return templates.Render(model.Period.KindName + ".html.sbn", new Dictionary<string, object?>
        {
            ["title"] = Title(model.Period),
            ["report"] = model,
            ["charts"] = charts,
            ["rating"] = rated,
        });
    }

    public static string Title(ReportPeriod period) => period.Kind switch
    {
        ReportKind.Monthly => $"{period.Label}环保门禁管理月报",
        ReportKind.Weekly => $"环保门禁管理周报（{period.Label}）",
        _ => $"绩效分级自评估报告（{period.Label}）",
    };

    /// <summary>Renders into <paramref name="folder"/> as <c>{FileStem}.html</c> and, with Chromium, <c>.pdf</c>.
    /// Files appear whole or not at all (written aside, then renamed).</summary>
    public async Task<RenderedReport> RenderToFolderAsync(ReportPeriod period, string folder, bool pdf, CancellationToken ct)
    {
        var html = await RenderHtmlAsync(period, ct);
        Directory.CreateDirectory(folder);
        var htmlPath = Path.GetFullPath(Path.Combine(folder, period.FileStem + ".html"));
        await WriteWholeAsync(htmlPath, Encoding.UTF8.GetBytes(html), ct);
        if (!pdf) return new RenderedReport(htmlPath, null);
        var pdfPath = Path.ChangeExtension(htmlPath, ".pdf");
        return new RenderedReport(htmlPath, await printer.PrintAsync(htmlPath, pdfPath, ct) ? pdfPath : null);
    }

    /// <summary>Writes a file next to its final name, then renames it: a reader never sees half a report.</summary>
    public static async Task WriteWholeAsync(string path, byte[] content, CancellationToken ct)
    {
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, content, ct);
        File.Move(partial, path, overwrite: true);
    }
}
