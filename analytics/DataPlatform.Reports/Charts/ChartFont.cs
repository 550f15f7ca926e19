using ScottPlot;

namespace DataPlatform.Reports.Charts;

/// <summary>The CJK font of the charts. SkiaSharp's Linux build used here has no fontconfig, so a font is found by
/// file, not by family: the first of <c>DATAPLATFORM_CHART_FONT</c>, Noto Sans CJK (Debian fonts-noto-cjk) or
/// WenQuanYi Zen Hei (fonts-wqy-zenhei) that exists is registered with ScottPlot. Without one, Chinese chart text
/// would be empty boxes; <see cref="Missing"/> then says why.</summary>
public static class ChartFont
{
    public const string Name = "DataPlatform CJK";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ];

    private static readonly Lazy<string?> File = new(Register);

    /// <summary>Null when a CJK font is registered; else what is missing.</summary>
    public static string? Missing => File.Value is null
        ? "未找到中文字体 (no CJK font): apt-get install fonts-noto-cjk, or set DATAPLATFORM_CHART_FONT to a .ttf/.ttc"
        : null;

    /// <summary>Registers the font once; call before drawing.</summary>
    public static void Ensure() => _ = File.Value;

    private static string? Register()
    {
        var configured = Environment.GetEnvironmentVariable("DATAPLATFORM_CHART_FONT");
        var path = new[] { configured }.Concat(Candidates).FirstOrDefault(p => !string.IsNullOrEmpty(p) && System.IO.File.Exists(p));
        if (path is null) return null;
        Fonts.AddFontFile(Name, path, bold: false, italic: false);
        var bold = path.Replace("-Regular.", "-Bold.", StringComparison.Ordinal);
        Fonts.AddFontFile(Name, System.IO.File.Exists(bold) ? bold : path, bold: true, italic: false);
        return path;
    }
}
