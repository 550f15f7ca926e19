using System.Text.RegularExpressions;

namespace DataPlatform.Reports.Charts;

/// <summary>Makes SkiaSharp's SVG output embeddable and reproducible.</summary>
public static partial class SvgText
{
    public static string Stable(string chart, string svg, int width, int height)
    {
        var ids = Id().Matches(svg).Select(m => m.Groups[1].Value).Distinct().ToList();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) renamed[ids[i]] = $"{chart}-{i + 1}";
        var text = IdOrReference().Replace(svg, m =>
            renamed.TryGetValue(m.Groups[2].Value, out var name) ? m.Groups[1].Value + name + m.Groups[3].Value : m.Value);
        // A viewBox lets the chart scale to the page width instead of being cut off.
        return text.Replace($"""width="{width}" height="{height}">""", $"""width="{width}" height="{height}" viewBox="0 0 {width} {height}">""",
            StringComparison.Ordinal);
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("""(id="|url\(#|href="#)([^")]+)("|\))""")]
    private static partial Regex IdOrReference();
}
