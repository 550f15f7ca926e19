namespace DataPlatform.Gate;

/// <summary>One closed code table: each value has a code and a Chinese name, and parses from either (or from
/// known aliases) after <see cref="TextFold.Key"/> folding. Duplicate keys fail at type initialisation, so a
/// typo in a table is caught by the first test that touches it.</summary>
internal sealed class CodeTable<T> where T : struct, Enum
{
    private readonly Dictionary<T, (string Code, string ChineseName)> _byValue = [];
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);
    private readonly string _tableName;

    public CodeTable(string tableName, params (T Value, string Code, string ChineseName, string[] Aliases)[] rows)
    {
        _tableName = tableName;
        var values = new List<T>(rows.Length);
        foreach (var (value, code, chineseName, aliases) in rows)
        {
            _byValue.Add(value, (code, chineseName));
            values.Add(value);
            AddKey(code, value);
            AddKey(chineseName, value);
            foreach (var alias in aliases)
                AddKey(alias, value);
        }
        Values = values.AsReadOnly();
    }

    public IReadOnlyList<T> Values { get; }

    public string Code(T value) => Row(value).Code;

    public string ChineseName(T value) => Row(value).ChineseName;

    public bool IsDefined(T value) => _byValue.ContainsKey(value);

    public bool TryParse(string? text, out T value, out string reason)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = default;
            reason = $"{_tableName} is empty";
            return false;
        }
        if (_byKey.TryGetValue(TextFold.Key(text), out value))
        {
            reason = "";
            return true;
        }
        reason = $"unknown {_tableName} '{TextFold.Clip(text)}'";
        return false;
    }

    private (string Code, string ChineseName) Row(T value) =>
        _byValue.TryGetValue(value, out var row)
            ? row
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a defined {_tableName}");

    private void AddKey(string text, T value)
    {
        var key = TextFold.Key(text);
        if (_byKey.TryGetValue(key, out var existing) && !EqualityComparer<T>.Default.Equals(existing, value))
            throw new InvalidOperationException($"{_tableName}: key '{text}' maps to both {existing} and {value}");
        _byKey[key] = value;
    }
}
