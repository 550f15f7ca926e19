using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DataPlatform.Devices.ETag;

/// <summary>EPC (the UHF Gen2 tag's electronic product code) as text: upper-case hexadecimal, a whole number of
/// 16-bit words, 1..31 words (the Gen2 PC word gives the length in 5 bits). EPC-96, the usual vehicle tag, is
/// 24 hex digits. Readers and people write it with spaces, dashes, colons, lower case or full-width digits.</summary>
public static class Epc
{
    public const int MaxWords = 31;

    /// <summary>Strips separators and whitespace, folds full-width to half-width and lower to upper case. Only
    /// cleans (validity is <see cref="TryParse"/>'s job) and is idempotent.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length);
        foreach (var original in text)
        {
            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            if (char.IsWhiteSpace(c) || c is '-' or ':' or '_' or '.')
                continue;
            sb.Append(c is >= 'a' and <= 'z' ? (char)(c - 32) : c);
        }
        return sb.ToString();
    }

    /// <summary>Normalises and validates; <paramref name="epc"/> is the canonical upper-case hex.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? epc, out string reason)
    {
        epc = null;
        var s = Normalize(text);
        if (s.Length == 0)
            return Fail("EPC is empty", out reason);
        if (s.Length > MaxWords * 4)
            return Fail($"EPC has {s.Length} hex digits, more than {MaxWords * 4}", out reason);
        if (!s.All(char.IsAsciiHexDigitUpper))
            return Fail($"EPC '{DeviceText.Clip(s)}' is not hexadecimal", out reason);
        if (s.Length % 4 != 0)
            return Fail($"EPC '{s}' has {s.Length} hex digits, not a whole number of 16-bit words", out reason);
        epc = s;
        reason = "";
        return true;
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
