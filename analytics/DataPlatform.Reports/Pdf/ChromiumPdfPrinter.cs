using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Reports.Pdf;

/// <summary>Prints an HTML file to PDF with headless Chromium (Debian's <c>chromium</c>). Each print runs with a
/// fresh profile folder and with background networking off (the plant network may be closed).</summary>
public sealed class ChromiumPdfPrinter(IOptions<ReportsOptions> options, ILogger<ChromiumPdfPrinter> logger)
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The Chromium executable, or null with the reason when there is none.</summary>
    public (string? Path, string Reason) Locate()
    {
        var configured = options.Value.ChromiumPath;
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? (configured, "") : (null, $"Reports:ChromiumPath '{configured}' 不存在 (not found)");
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Candidates)
            foreach (var dir in path)
                if (File.Exists(System.IO.Path.Combine(dir, name)))
                    return (System.IO.Path.Combine(dir, name), "");
        return (null, "PATH 中没有 chromium，且未配置 Reports:ChromiumPath (no chromium on PATH; install Debian's chromium or set Reports:ChromiumPath)");
    }

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>; false (logged with the reason)
    /// when there is no Chromium or it failed — the HTML stays the report then.</summary>
    public async Task<bool> PrintAsync(string htmlPath, string pdfPath, CancellationToken ct)
    {
        var (chromium, reason) = Locate();
        if (chromium is null)
        {
            logger.LogWarning("未生成 PDF，仅输出 HTML {Html}: {Reason}", htmlPath, reason);
            return false;
        }
        var profile = Directory.CreateTempSubdirectory("dataplatform-chromium-");
        var partial = pdfPath + ".partial";
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])
                     [
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-quic", $"--user-data-dir={profile.FullName}",
                         "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                         $"--print-to-pdf={partial}", new Uri(System.IO.Path.GetFullPath(htmlPath)).AbsoluteUri,
                     ])
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                logger.LogError("Chromium 打印 {Html} 超过 {Seconds} 秒 (Reports:PdfTimeoutSeconds)，未生成 PDF", htmlPath, options.Value.PdfTimeoutSeconds);
                return false;
            }
            if (process.ExitCode != 0 || !File.Exists(partial) || new FileInfo(partial).Length == 0)
            {
                logger.LogError("Chromium 打印 {Html} 失败 (exit {Code})，未生成 PDF: {Error}", htmlPath, process.ExitCode, Tail(await stderr));
                return false;
            }
            File.Move(partial, pdfPath, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
            try { profile.Delete(recursive: true); } catch (IOException) { /* Chromium helpers may still hold files; it is a temp folder. */ }
        }
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();
}
