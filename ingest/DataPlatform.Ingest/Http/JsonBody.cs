using System.Text.Json;
using System.Text.Unicode;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// Parses a request body as a JSON document whose every string and property name can be read. JsonDocument checks
/// neither the UTF-8 inside strings nor escaped surrogates (<c>"\ud800"</c>); reading such a value later throws
/// <see cref="InvalidOperationException"/> (a 500 for the device). Checked once here, the endpoints read freely.
/// </summary>
public static class JsonBody
{
    /// <summary>The document, or null with why not (English, for the reason after the endpoint's own words).</summary>
    public static JsonDocument? TryParse(ReadOnlySpan<byte> body, out string reason)
    {
        if (!Utf8.IsValid(body))
        {
            reason = "not valid UTF-8";
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            reason = ex.Message;
            return null;
        }
        try
        {
            Visit(document.RootElement);
            reason = "";
            return document;
        }
        catch (InvalidOperationException ex)
        {
            document.Dispose();
            reason = "a string or name is not valid UTF-16 (" + ex.Message + ")";
            return null;
        }
    }

    private static void Visit(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Visit(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Visit(item);
                break;
        }
    }
}
