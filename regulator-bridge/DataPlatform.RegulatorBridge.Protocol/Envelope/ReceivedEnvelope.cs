namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>A parsed incoming envelope: every top-level field as the text that is signed (strings unescaped,
/// other values as their raw JSON), in arrival order. Only <see cref="EnvelopeReader"/> creates one, and it
/// refuses duplicate keys, so a field has exactly one meaning.</summary>
public sealed class ReceivedEnvelope
{
    private readonly Dictionary<string, string?> _byKey;

    internal ReceivedEnvelope(IReadOnlyList<KeyValuePair<string, string?>> fields)
    {
        Fields = fields;
        _byKey = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    /// <summary>null value: JSON null.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Fields { get; }

    /// <summary>The field's text, or null when absent, null or empty.</summary>
    public string? Get(string key) => _byKey.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
