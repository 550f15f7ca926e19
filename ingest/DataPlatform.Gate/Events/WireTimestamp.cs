using System.Globalization;

namespace DataPlatform.Gate;

/// <summary>Timestamps as the JSON wire formats carry them (gate events, control commands):
/// <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c>, a space allowed for the T, with an offset (+08:00) or Z.</summary>
public static class WireTimestamp
{
    /// <summary>What a refusal says the text should have been.</summary>
    public const string Expected = "yyyy-MM-ddTHH:mm:ss[.fffffff] with an offset (+08:00) or Z";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        || DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
