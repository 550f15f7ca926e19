using System.Text.Json;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;

namespace DataPlatform.RegulatorBridge.Records;

/// <summary>Reads the file id out of an acknowledged image upload's response data.</summary>
public static class FileIdReader
{
    public static bool TryRead(CompiledProfile profile, PlatformResponse response, out string fileId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(response);
        fileId = "";
        if (!response.Acknowledged || string.IsNullOrWhiteSpace(response.Data))
            return false;
        var field = profile.Fields.Wire(FieldIds.FileId);
        try
        {
            using var document = JsonDocument.Parse(response.Data);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.String)
                fileId = root.GetString() ?? "";
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                fileId = value.GetString() ?? "";
        }
        catch (JsonException)
        {
            // Some platforms answer with the bare id, not JSON.
            fileId = response.Data.Trim();
        }
        return fileId.Length > 0;
    }
}
