using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Ingest.Devices;

/// <summary>A device status change or security alarm, published on <c>device.events</c> keyed by device id.</summary>
/// <param name="Kind"><c>online</c>, <c>offline</c> or <c>auth_failed</c> (see <see cref="DeviceEventKinds"/>).</param>
/// <param name="Message">Operator-facing, in Chinese.</param>
/// <param name="Suppressed">For <c>auth_failed</c>: further failures swallowed by the alarm throttle before this one.</param>
public sealed record DeviceEvent(
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static DeviceEvent FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<DeviceEvent>(json, Json) ?? throw new JsonException("empty device event");
}

public static class DeviceEventKinds
{
    public const string Online = "online";
    public const string Offline = "offline";
    public const string AuthFailed = "auth_failed";
}
