using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace DataPlatform.Ingest.Adapters;

/// <summary>
/// A vendor document (XML or JSON) flattened to <c>path → text</c>, e.g. <c>ANPR/licensePlate → 京A12345</c>,
/// case-insensitive, namespaces dropped, first occurrence wins, arrays skipped. Camera firmwares differ in
/// namespaces, letter case and field order but agree on element names, so reading by name path is what holds.
/// </summary>
public sealed class PayloadFields
{
    private const int MaxDepth = 12;
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private PayloadFields(string root) => Root = root;

    /// <summary>XML: the root element's local name; JSON: "".</summary>
    public string Root { get; }

    public string? this[string path] => _values.TryGetValue(path, out var value) ? value : null;

    /// <summary>A trimmed, non-empty value or null.</summary>
    public string? Text(string path) => this[path]?.Trim() is { Length: > 0 } text ? text : null;

    public bool Has(string path) => _values.ContainsKey(path);

    /// <summary>Reads XML or JSON (decided by the first non-blank character). Never throws.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PayloadFields? fields, out string reason)
    {
        fields = null;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var start = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            reason = "empty body";
            return false;
        }
        if (!Utf8.IsValid(bytes))
        {
            reason = "body is not valid UTF-8";
            return false;
        }
        try
        {
            switch (bytes[start])
            {
                case (byte)'<':
                    fields = ReadXml(bytes);
                    break;
                case (byte)'{':
                    fields = ReadJson(bytes);
                    break;
                default:
                    reason = "body is neither XML nor a JSON object";
                    return false;
            }
            reason = "";
            return true;
        }
        // Any parser failure (including an XML declaration naming an encoding we do not have) is a bad payload.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reason = "unreadable document: " + Clip(ex.Message);
            return false;
        }
    }

    private static PayloadFields ReadXml(ReadOnlySpan<byte> bytes)
    {
        var settings = new XmlReaderSettings
        {
            // No DTDs, no external entities: a camera push must not make us fetch or expand anything.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = bytes.Length + 1,
        };
        using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray()), settings);
        reader.MoveToContent();
        var fields = new PayloadFields(reader.LocalName);
        var path = new List<string>();
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (path.Count >= MaxDepth) throw new XmlException($"nested deeper than {MaxDepth}");
                    path.Add(reader.LocalName);
                    text.Clear();
                    if (reader.IsEmptyElement)
                    {
                        fields._values.TryAdd(string.Join('/', path), "");
                        path.RemoveAt(path.Count - 1);
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (path.Count > 0)
                    {
                        fields._values.TryAdd(string.Join('/', path), text.ToString());
                        path.RemoveAt(path.Count - 1);
                    }
                    text.Clear();
                    break;
            }
            reader.Read();
        }
        return fields;
    }

    private static PayloadFields ReadJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth, AllowTrailingCommas = false });
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.Read()) throw new JsonException("content after the JSON object");
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("expected a JSON object");
        var fields = new PayloadFields("");
        Flatten(document.RootElement, "", fields._values);
        return fields;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : prefix + "/" + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, path, values);
                    break;
                case JsonValueKind.String:
                    values.TryAdd(path, property.Value.GetString()!);
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    values.TryAdd(path, property.Value.GetRawText());
                    break;
            }
        }
    }

    private static string Clip(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
