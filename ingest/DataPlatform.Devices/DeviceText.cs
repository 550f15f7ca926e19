using System.Globalization;
using System.Text;

namespace DataPlatform.Devices;

/// <summary>Small text helpers shared by the parsers.</summary>
internal static class DeviceText
{
    /// <summary>Reasons end up in logs and dead letters; a hostile payload should not be copied into them whole.</summary>
    public static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>A short hex preview of raw bytes for a rejection reason.</summary>
    public static string HexPreview(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes[..Math.Min(bytes.Length, 24)];
        var hex = Convert.ToHexString(shown);
        return bytes.Length > shown.Length ? hex + "…" : hex;
    }

    /// <summary>Full-width ASCII to half-width, ASCII lower to upper case, trimmed: how hand-typed and scanned
    /// codes vary. Idempotent.</summary>
    public static string FoldCode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var original in text.Trim())
        {
            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            sb.Append(c is >= 'a' and <= 'z' ? (char)(c - 32) : c);
        }
        return sb.ToString();
    }

    public static bool HasControlCharacters(string text) => text.Any(char.IsControl);

    /// <summary>An ISO 8601 time that carries an offset, as China time; false for anything else.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
            return false;
        // An offset must be present: a device clock's local time without one is ambiguous.
        var t = text.Trim();
        var hasOffset = t.EndsWith('Z') || t.EndsWith('z')
            || (t.Length > 6 && (t[^6] == '+' || t[^6] == '-') && t[^3] == ':');
        if (!hasOffset)
            return false;
        if (!DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        time = DataPlatform.Gate.ChinaTime.From(parsed);
        return true;
    }
}
