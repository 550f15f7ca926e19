namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>
/// The URL parameters of a ClickHouse HTTP request sorted by who consumes them: the HTTP layer itself,
/// query parameter binding (<c>param_*</c>), or the engine as per-request settings.
/// </summary>
internal sealed class RequestParameters
{
    private const string ParameterPrefix = "param_";

    // Parameters ClickHouse's HTTP handler consumes itself, or that only make sense to a server with
    // users and sessions; passing them to the engine as settings would fail or mean nothing.
    private static readonly HashSet<string> HttpOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "query", "database", "default_format", "query_id", "user", "password", "quota_key",
        "session_id", "session_timeout", "session_check", "compress", "decompress", "buffer_size",
        "wait_end_of_query", "enable_http_compression", "http_zlib_compression_level",
        "http_native_compression_disable_checksumming_on_decompress", "send_progress_in_http_headers",
        "http_headers_progress_interval_ms", "add_http_cors_header", "stacktrace", "role",
        "client_protocol_version", "http_response_buffer_size", "http_wait_end_of_query",
        "cancel_http_readonly_queries_on_client_close", "readonly", "default_session_timeout",
        "max_session_timeout", "http_write_exception_in_output_format",
    };

    public string? Query { get; private init; }

    public string? Database { get; private init; }

    public string? DefaultFormat { get; private init; }

    public string? QueryId { get; private init; }

    public string? User { get; private init; }

    public string? Password { get; private init; }

    /// <summary>0 = may write; 1 = read-only; 2 = read-only but settings may change (ClickHouse's levels).</summary>
    public int ReadOnly { get; private init; }

    public bool EnableHttpCompression { get; private init; }

    public bool NativeDecompress { get; private init; }

    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters { get; private init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; private init; } = [];

    /// <summary>Sorts <paramref name="parameters"/>; a repeated name keeps its last value, as in ClickHouse.</summary>
    public static RequestParameters Classify(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (name, value) in parameters)
        {
            if (!last.ContainsKey(name))
            {
                order.Add(name);
            }

            last[name] = value;
        }

        var queryParameters = new List<KeyValuePair<string, string>>();
        var settings = new List<KeyValuePair<string, string>>();
        foreach (var name in order)
        {
            if (name.StartsWith(ParameterPrefix, StringComparison.Ordinal) && name.Length > ParameterPrefix.Length)
            {
                queryParameters.Add(new(name[ParameterPrefix.Length..], last[name]));
            }
            else if (!HttpOnly.Contains(name) && IsSettingName(name))
            {
                settings.Add(new(name, last[name]));
            }
        }

        return new RequestParameters
        {
            Query = last.GetValueOrDefault("query"),
            Database = NullIfEmpty(last.GetValueOrDefault("database")),
            DefaultFormat = NullIfEmpty(last.GetValueOrDefault("default_format")),
            QueryId = NullIfEmpty(last.GetValueOrDefault("query_id")),
            User = NullIfEmpty(last.GetValueOrDefault("user")),
            Password = last.GetValueOrDefault("password"),
            ReadOnly = ParseReadOnly(last.GetValueOrDefault("readonly")),
            EnableHttpCompression = IsTrue(last.GetValueOrDefault("enable_http_compression")),
            NativeDecompress = IsTrue(last.GetValueOrDefault("decompress")),
            QueryParameters = queryParameters,
            Settings = settings,
        };
    }

    /// <summary>Setting names end up in SQL text, so anything but an identifier is dropped.</summary>
    public static bool IsSettingName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static int ParseReadOnly(string? value) => value switch
    {
        null or "" or "0" => 0,
        "2" => 2,
        _ when value.Equals("false", StringComparison.OrdinalIgnoreCase) => 0,
        _ => 1,
    };
}
