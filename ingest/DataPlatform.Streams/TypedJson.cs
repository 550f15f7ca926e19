using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>The JSON of the contracts that name their own <c>type</c> and <c>version</c> (they may share a topic with
/// other records): one serializer setting and one checked read for all of them.</summary>
internal static class TypedJson
{
    /// <summary>Camel case, Chinese text unescaped (readable in a topic browser), nulls written.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <exception cref="JsonException">not a <paramref name="typeName"/> of <paramref name="version"/>, or empty.</exception>
    public static T Read<T>(ReadOnlySpan<byte> json, string typeName, int version) where T : class
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        if (!doc.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != typeName)
            throw new JsonException($"not a {typeName}");
        if (!doc.RootElement.TryGetProperty("version", out var v) || !v.TryGetInt32(out var number) || number != version)
            throw new JsonException($"{typeName} version must be {version}");
        return doc.RootElement.Deserialize<T>(Options) ?? throw new JsonException($"empty {typeName}");
    }
}
