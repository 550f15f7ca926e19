namespace DataPlatform.Gate;

/// <summary>Folds text the way cameras and hand-typed forms vary it, so lookups compare like with like.</summary>
internal static class TextFold
{
    /// <summary>Full-width ASCII (U+FF01–FF5E) to its half-width twin; everything else unchanged.</summary>
    public static char ToHalfWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    // Only ASCII letters are upper-cased: culture-aware casing of other scripts could turn a stray character
    // into an ASCII one on a second pass, and folding must be idempotent.
    public static char ToUpperAscii(char c) => c is >= 'a' and <= 'z' ? (char)(c - 32) : c;

    /// <summary>The lookup key of a code or name: trimmed, half-width, ASCII upper case.</summary>
    public static string Key(string text)
    {
        // string.Trim also removes the ideographic space U+3000.
        var trimmed = text.Trim();
        return string.Create(trimmed.Length, trimmed, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
                dest[i] = ToUpperAscii(ToHalfWidth(src[i]));
        });
    }

    // Reasons end up in logs and dead letters; a hostile 64 KiB "code" should not be copied into them whole.
    public static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
