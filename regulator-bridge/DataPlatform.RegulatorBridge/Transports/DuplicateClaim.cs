using System.Text.Json;
using DataPlatform.RegulatorBridge.Envelope;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>Whether a success answer's data says the platform already had the record (<c>"duplicate": true</c>,
/// <see cref="PlatformMethods.DuplicateField"/>): still an acknowledgement, but logged as a duplicate one — it means
/// an earlier attempt reached the platform although its answer did not reach us. Pure.</summary>
public static class DuplicateClaim
{
    public static bool In(string? data)
    {
        if (string.IsNullOrWhiteSpace(data)) return false;
        try
        {
            using var document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty(PlatformMethods.DuplicateField, out var duplicate)
                   && duplicate.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false; // data that is not JSON (a bare file id) claims nothing
        }
    }
}
