using System.Text;

namespace DataPlatform.Gate;

/// <summary>Undoes the ways cameras and people vary a plate's text. Idempotent: Normalize(Normalize(x)) ==
/// Normalize(x). It only cleans; <see cref="PlateParser"/> decides what is valid.</summary>
public static class PlateNormalizer
{
    // Dots and dashes that cameras and forms put between the issuing prefix and the serial (冀B·12345).
    private const string Separators = "\u00B7\u0387\u2022\u2027\u30FB\uFF65\u2219\u22C5-\u2010\u2011\u2012\u2013\u2014\u2015.\u3002\uFF61_";

    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return "";
        var sb = new StringBuilder(raw.Length);
        foreach (var original in raw)
        {
            var c = TextFold.ToUpperAscii(TextFold.ToHalfWidth(original));
            if (char.IsWhiteSpace(c) || IsInvisible(c) || Separators.Contains(c, StringComparison.Ordinal))
                continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Zero-width characters and the BOM survive copy-paste from web forms and are invisible in review screens.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
