using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>A finding of the regulator bridge (a rate below its threshold, an upload backlog too large or too old,
/// the platform unreachable), published on <c>regulator.bridge-status</c> keyed by enterprise/gate and read by
/// processing's alarms: the contract both sides share, so neither references the other.</summary>
/// <remarks>
/// <para><paramref name="Id"/>: Stable for one finding (e.g. one gate, day and metric), so a repeat is recognisably the
/// same.</para>
/// <para><paramref name="Kind"/>: See <see cref="BridgeStatusKinds"/>.</para>
/// <para><paramref name="Subject"/>: What repeats are counted on, e.g. <c>transmission:2026-11-28</c> or
/// <c>backlog</c>.</para>
/// <para><paramref name="Message"/>: Operator-facing, in Chinese.</para>
/// <para><paramref name="Value"/>: The measured value (a rate in [0, 1], a count or an age in seconds).</para>
/// </remarks>
public sealed record BridgeStatusEvent(
    Guid Id,
    string Kind,
    DateTimeOffset At,
    string EnterpriseId,
    string GateId,
    string Subject,
    string Message,
    double? Value = null,
    double? Threshold = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="JsonException">not a bridge status event.</exception>
    public static BridgeStatusEvent FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<BridgeStatusEvent>(json, Json) is { Kind: not null, Subject: not null, Message: not null } e
            ? e
            : throw new JsonException("not a bridge status event");
}

public static class BridgeStatusKinds
{
    /// <summary>传输率 of a gate and day below its threshold.</summary>
    public const string TransmissionRateLow = "transmission-rate-low";

    /// <summary>完整率 of a gate and day below its threshold.</summary>
    public const string CompletenessRateLow = "completeness-rate-low";

    /// <summary>More records waiting for upload than allowed, or the oldest waiting too long.</summary>
    public const string UploadBacklog = "upload-backlog";

    /// <summary>The regulator's platform stopped answering (circuit open).</summary>
    public const string PlatformDown = "platform-down";
}
