using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>A payload some stage could not accept, kept whole with the reason so nothing is lost.</summary>
public sealed record DeadLetter(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string Stage,
    string Source,
    string ReasonCode,
    string Reason,
    byte[] Payload)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static DeadLetter FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<DeadLetter>(json, Json) ?? throw new JsonException("empty dead letter");
}
