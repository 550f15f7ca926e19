using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Commands;

/// <summary>The fields of one JSON object, read by name with the wire format's rules: duplicates refused, null
/// means absent, and every field must be used by the kind being read (<see cref="EnsureAllUsed"/>).</summary>
internal sealed class JsonFields
{
    public const int MaxIdLength = 64;
    public const int MaxEnterpriseIdLength = 32;
    public const int MaxTextLength = 500;

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, ChinaTime.Offset);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, ChinaTime.Offset);

    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly string _where;

    public JsonFields(JsonElement element, string where)
    {
        _where = where;
        if (element.ValueKind != JsonValueKind.Object)
            throw Fail(CommandRejectionCodes.BadJson, $"{where} must be a JSON object, found {element.ValueKind}");
        foreach (var property in element.EnumerateObject())
            if (!_fields.TryAdd(property.Name, property.Value))
                throw Fail(CommandRejectionCodes.DuplicateField, $"{where}: field '{property.Name}' appears more than once");
    }

    public void EnsureAllUsed()
    {
        var unknown = _fields.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw Fail(CommandRejectionCodes.UnknownField, $"{_where}: unknown field(s) {string.Join(", ", unknown.Select(u => $"'{JsonFields.Clip(u)}'"))}");
    }

    public JsonElement? Optional(string name)
    {
        _used.Add(name);
        return _fields.TryGetValue(name, out var e) && e.ValueKind != JsonValueKind.Null ? e : null;
    }

    public JsonElement Required(string name) =>
        Optional(name) ?? throw Fail(CommandRejectionCodes.MissingField, $"{_where}: field '{name}' is missing");

    public string? OptionalString(string name, int maxLength = MaxTextLength)
    {
        if (Optional(name) is not { } e) return null;
        if (e.ValueKind != JsonValueKind.String)
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' must be a string, found {e.ValueKind}");
        var text = e.GetString()!;
        if (text.Length > maxLength)
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' has {text.Length} characters, at most {maxLength}");
        if (text.Any(char.IsControl))
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' contains control characters");
        return text;
    }

    public string RequiredString(string name, int maxLength = MaxTextLength)
    {
        var text = OptionalString(name, maxLength) ?? throw Fail(CommandRejectionCodes.MissingField, $"{_where}: field '{name}' is missing");
        if (string.IsNullOrWhiteSpace(text))
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' is empty");
        return text;
    }

    /// <summary>Ids (commands, policies, bookings, enterprises) share the gate event's id alphabet, so they are
    /// safe in Kafka keys, file names and SQL literals.</summary>
    public string? OptionalId(string name, int maxLength = MaxIdLength)
    {
        var text = OptionalString(name, maxLength);
        if (text is null) return null;
        if (text.Length == 0 || !text.All(IsIdChar))
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' must be 1..{maxLength} of [A-Za-z0-9._:-]");
        return text;
    }

    public string RequiredId(string name, int maxLength = MaxIdLength) =>
        OptionalId(name, maxLength) ?? throw Fail(CommandRejectionCodes.MissingField, $"{_where}: field '{name}' is missing");

    public bool OptionalBool(string name, bool defaultValue = false) => Optional(name) switch
    {
        null => defaultValue,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } e => throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' must be true or false, found {e.ValueKind}"),
    };

    public DateTimeOffset? OptionalTime(string name)
    {
        if (Optional(name) is not { } e) return null;
        if (e.ValueKind != JsonValueKind.String)
            throw Fail(CommandRejectionCodes.InvalidTime, $"{_where}: field '{name}' must be an ISO 8601 string, found {e.ValueKind}");
        var text = e.GetString()!;
        if (!WireTimestamp.TryParse(text, out var value))
            throw Fail(CommandRejectionCodes.InvalidTime, $"{_where}: field '{name}' '{JsonFields.Clip(text)}' is not {WireTimestamp.Expected}");
        if (value < Earliest || value >= Latest)
            throw Fail(CommandRejectionCodes.InvalidTime, $"{_where}: field '{name}' {text} is outside 2000..2099");
        return ChinaTime.From(value);
    }

    public DateTimeOffset RequiredTime(string name) =>
        OptionalTime(name) ?? throw Fail(CommandRejectionCodes.MissingField, $"{_where}: field '{name}' is missing");

    public PlateNumber Plate(string name = "plateNo")
    {
        var text = RequiredString(name, 32);
        return PlateParser.TryParse(text, out var plate, out var reason)
            ? plate
            : throw Fail(CommandRejectionCodes.InvalidPlate, $"{_where}: field '{name}': {reason}");
    }

    public delegate bool TryParser<T>(string? text, out T value, out string reason);

    public T Code<T>(string name, TryParser<T> parse) where T : struct =>
        OptionalCode(name, parse) is { } value ? value
            : throw Fail(CommandRejectionCodes.MissingField, $"{_where}: field '{name}' is missing");

    public T? OptionalCode<T>(string name, TryParser<T> parse) where T : struct
    {
        var text = OptionalString(name, 64);
        if (text is null) return null;
        return parse(text, out var value, out var reason)
            ? value
            : throw Fail(CommandRejectionCodes.UnknownCode, $"{_where}: field '{name}': {reason}");
    }

    public T Named<T>(string name, IReadOnlyDictionary<string, T> names, T? defaultValue = null) where T : struct
    {
        var text = defaultValue is null ? RequiredString(name, 64) : OptionalString(name, 64);
        if (text is null) return defaultValue!.Value;
        return names.TryGetValue(text, out var value)
            ? value
            : throw Fail(CommandRejectionCodes.UnknownCode,
                $"{_where}: field '{name}': unknown value '{JsonFields.Clip(text)}' (one of {string.Join(", ", names.Keys.Where(k => k.All(char.IsAscii)))})");
    }

    public IReadOnlyList<JsonElement> Array(string name, int maxItems)
    {
        if (Optional(name) is not { } e) return [];
        if (e.ValueKind != JsonValueKind.Array)
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' must be an array, found {e.ValueKind}");
        var count = e.GetArrayLength();
        if (count > maxItems)
            throw Fail(CommandRejectionCodes.InvalidField, $"{_where}: field '{name}' has {count} entries, at most {maxItems}");
        return [.. e.EnumerateArray()];
    }

    public IReadOnlyList<T> NamedArray<T>(string name, IReadOnlyDictionary<string, T> names)
    {
        var items = new List<T>();
        foreach (var item in Array(name, 16))
        {
            if (item.ValueKind != JsonValueKind.String || !names.TryGetValue(item.GetString()!, out var value))
                throw Fail(CommandRejectionCodes.UnknownCode,
                    $"{_where}: field '{name}' has an unknown entry {JsonFields.Clip(item.GetRawText())} (entries: {string.Join(", ", names.Keys.Where(k => k.All(char.IsAscii)))})");
            items.Add(value);
        }
        return items;
    }

    /// <summary>Echoed input is clipped: a reason must stay readable however long the offending value was.</summary>
    public static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static CommandFormatException Fail(string code, string reason) => new(code, reason);

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
}
