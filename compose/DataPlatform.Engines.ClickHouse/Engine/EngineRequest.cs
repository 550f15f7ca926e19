namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>Everything one HTTP request asks of the engine, independent of HTTP.</summary>
/// <param name="Text">The SQL text, possibly followed by INSERT data (bytes: the data may be binary).</param>
/// <param name="DefaultFormat">Output format unless the SQL names one.</param>
/// <param name="Database">Current database for the request, or null for <c>default</c>.</param>
/// <param name="ReadOnly">ClickHouse readonly level for the request (0, 1 or 2).</param>
/// <param name="Settings">Per-request settings, applied to this request's session only.</param>
/// <param name="Parameters">Values for <c>{name:Type}</c> placeholders, in ClickHouse's escaped text form.</param>
internal sealed record EngineRequest(
    byte[] Text,
    string DefaultFormat,
    string? Database,
    int ReadOnly,
    IReadOnlyList<KeyValuePair<string, string>> Settings,
    IReadOnlyList<KeyValuePair<string, string>> Parameters);
