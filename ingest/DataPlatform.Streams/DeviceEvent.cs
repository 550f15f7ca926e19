using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>A device status change or security alarm, published by ingest on <c>device.events</c> keyed by device
/// id and read by processing's alarms: the contract both sides share.</summary>
/// <remarks>
/// <para><paramref name="Kind"/>: <c>online</c>, <c>offline</c>, <c>auth_failed</c> or <c>picture_missing</c> (see
/// <see cref="DeviceEventKinds"/>).</para>
/// <para><paramref name="Message"/>: Operator-facing, in Chinese.</para>
/// <para><paramref name="Suppressed"/>: For <c>auth_failed</c>: further failures swallowed by the alarm throttle before
/// this one.</para>
/// </remarks>
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

    /// <exception cref="JsonException">not a device event.</exception>
    public static DeviceEvent FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<DeviceEvent>(json, Json) is { Kind: not null, DeviceId: not null } e
            ? e
            : throw new JsonException("not a device event");
}

public static class DeviceEventKinds
{
    public const string Online = "online";
    public const string Offline = "offline";
    public const string AuthFailed = "auth_failed";

    /// <summary>A device's captures keep arriving with a picture missing (empty part); the passages are kept.</summary>
    public const string PictureMissing = "picture_missing";

    /// <summary>Not a gate device: a processing consumer stopped for good on a missing or altered ledger table
    /// (device id <c>processing:&lt;group&gt;/&lt;topic&gt;</c>).</summary>
    public const string ConsumerStopped = "consumer_stopped";
}
