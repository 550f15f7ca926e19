using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>
/// A registered e-tag read at a gate lane, published by ingest on <see cref="Topics.GateRaw"/> under the lane's key
/// (<c>enterprise/gate/lane</c>, the key of the lane's camera events) so the ledger writer sees it in order with the
/// lane's camera reads and cross-checks them (lane read fusion). The full read, unknown tags included, also goes to
/// <see cref="Topics.VehicleInfo"/>. Every other reader of <c>gate.raw</c> sees no gate event in it and passes it.
/// </summary>
/// <remarks>
/// <para><paramref name="EventId"/>: The tag read's message id (deterministic: a replayed read keeps it).</para>
/// <para><paramref name="ReadAt"/>: China time of the read.</para>
/// <para><paramref name="PlateNo"/>: The plate the tag was issued to (the register's, normalised).</para>
/// <para><paramref name="VehicleId"/>: The register's own vehicle id, when it has one.</para>
/// </remarks>
public sealed record LaneTagRead(
    string EventId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    string DeviceId,
    DateTimeOffset ReadAt,
    string Epc,
    string PlateNo,
    string? VehicleId)
{
    public const string TypeName = "lane-tag-read";
    public const int CurrentVersion = 1;


    private static readonly byte[] Marker = Encoding.UTF8.GetBytes($"\"type\":\"{TypeName}\"");

    /// <summary>First, so readers of <c>gate.raw</c> tell it from a gate event without parsing (<see cref="Is"/>).</summary>
    [JsonPropertyOrder(-2)]
    public string Type => TypeName;

    [JsonPropertyOrder(-1)]
    public int Version => CurrentVersion;

    public string PartitionKey => $"{EnterpriseId}/{GateId}/{LaneId}";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, TypedJson.Options);

    /// <summary>True when the message is a lane tag read (its type comes first; a gate event has no such field).</summary>
    public static bool Is(ReadOnlySpan<byte> json) => json.Length > 1 && json[1..].StartsWith(Marker);

    /// <exception cref="JsonException">not a lane tag read of this version, or a field missing.</exception>
    public static LaneTagRead FromJson(ReadOnlySpan<byte> json)
    {
        var read = TypedJson.Read<LaneTagRead>(json, TypeName, CurrentVersion);
        if (string.IsNullOrEmpty(read.EventId) || string.IsNullOrEmpty(read.EnterpriseId) || string.IsNullOrEmpty(read.GateId)
            || string.IsNullOrEmpty(read.LaneId) || string.IsNullOrEmpty(read.DeviceId) || string.IsNullOrEmpty(read.PlateNo)
            || string.IsNullOrEmpty(read.Epc))
            throw new JsonException($"{TypeName}: eventId, enterpriseId, gateId, laneId, deviceId, epc and plateNo are required");
        return read;
    }
}
