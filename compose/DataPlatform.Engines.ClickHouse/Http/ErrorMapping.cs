using System.Globalization;
using System.Text.RegularExpressions;

namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>Turns chDB's exception text into what ClickHouse's HTTP interface answers for it.</summary>
internal static partial class ErrorMapping
{
    /// <summary>ClickHouse's STD_EXCEPTION, used when the text carries no code.</summary>
    public const int UnknownCode = 1001;

    public const int BadArguments = 36;
    public const int NotImplemented = 48;
    public const int UnknownSetting = 115;

    private static readonly HashSet<int> BadRequest =
    [
        6, 25, 26, 27, 32, 33, 36, 38, 41, 53, 62, 72, 117, 167, 168, 223, 321, 393, 427, 457,
    ];

    private static readonly HashSet<int> NotFound = [46, 47, 50, 56, 60, 63, 73, 78, 81, 115, 336, 511];

    [GeneratedRegex(@"Code:\s*(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>The number in the first <c>Code: N</c> of <paramref name="message"/>, else <see cref="UnknownCode"/>.</summary>
    public static int ExtractCode(string? message)
    {
        if (message is null)
        {
            return UnknownCode;
        }

        var match = CodePattern().Match(message);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : UnknownCode;
    }

    /// <summary>The HTTP status ClickHouse uses for an exception code.</summary>
    public static int HttpStatus(int code) => code switch
    {
        194 or 516 => 401, // REQUIRED_PASSWORD, AUTHENTICATION_FAILED (wrong name or password)
        192 or 193 or 497 => 403, // unknown user, wrong password, access denied
        48 => 501,
        159 => 408, // TIMEOUT_EXCEEDED
        209 or 76 => 503, // SOCKET_TIMEOUT, CANNOT_OPEN_FILE
        _ when BadRequest.Contains(code) => 400,
        _ when NotFound.Contains(code) => 404,
        _ => 500,
    };

    /// <summary>The body ClickHouse sends: the exception text with its code, ending in a line feed.</summary>
    public static string Body(string message, string serverVersion)
    {
        var text = message.TrimEnd('\n', ' ');
        if (!text.StartsWith("Code:", StringComparison.Ordinal))
        {
            text = $"Code: {ExtractCode(text)}. DB::Exception: {text}";
        }

        return $"{text} (version {serverVersion} (official build))\n";
    }

    public static string Format(int code, string message) => $"Code: {code}. DB::Exception: {message}";
}
