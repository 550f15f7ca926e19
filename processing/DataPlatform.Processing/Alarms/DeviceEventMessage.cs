using System.Text.Json;

namespace DataPlatform.Processing.Alarms;

/// <summary>The JSON of ingest's <c>DeviceEvent</c> on <c>device.events</c>, read here without a reference to the
/// ingest assembly (processing must not depend on the device listeners). Same web-default camelCase shape.</summary>
public sealed record DeviceEventMessage(
    Guid Id,
    string Kind,
    string DeviceId,
    DateTimeOffset At,
    string Message,
    string? Reason = null,
    string? Remote = null,
    DateTimeOffset? LastSeen = null,
    int Suppressed = 0)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="JsonException">not a device event.</exception>
    public static DeviceEventMessage FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<DeviceEventMessage>(json, Json) is { Kind: not null, DeviceId: not null } e
            ? e
            : throw new JsonException("not a device event");
}
