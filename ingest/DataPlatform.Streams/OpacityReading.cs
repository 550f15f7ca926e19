using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Streams;

/// <summary>
/// One smoke-opacity reading (不透光烟度计) of a vehicle at the gate, published by ingest on
/// <see cref="Topics.EmissionReadings"/> keyed <c>enterprise/device</c> and read by processing's ledger writer and
/// alarms: the contract both sides share (like <see cref="DeviceEvent"/>). Values are already validated by the
/// adapter: plate normalised, at least one of the two measures present and in range.
/// </summary>
/// <remarks>
/// <para><paramref name="ReadingId"/>: The meter's own id of the measurement; a re-sent reading keeps it, so the ledger
/// keeps one row.</para>
/// <para><paramref name="PlateColor"/>: Wire name (yellow, blue …), "unknown" when the meter did not say.</para>
/// <para><paramref name="MeasuredAt"/>: China time.</para>
/// <para><paramref name="OpacityPercent"/>: Opacity N, 0–100 %.</para>
/// <para><paramref name="AbsorptionCoefficient"/>: Light-absorption coefficient k in m⁻¹ (GB 3847-2018 limits are in
/// k).</para>
/// <para><paramref name="Method"/>: free-acceleration (自由加速法), lug-down (加载减速法), remote-sensing (遥感) or unknown.</para>
/// </remarks>
public sealed record OpacityReading(
    string ReadingId,
    string DeviceId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    string PlateNo,
    string PlateColor,
    DateTimeOffset MeasuredAt,
    decimal? OpacityPercent,
    decimal? AbsorptionCoefficient,
    string Method,
    DateTimeOffset ReceivedAt)
{
    public const string TypeName = "opacity-reading";
    public const int CurrentVersion = 1;


    /// <summary>Always <see cref="TypeName"/>: lets a reader of a mixed topic tell records apart.</summary>
    public string Type => TypeName;

    public int Version => CurrentVersion;

    public string Key => $"{EnterpriseId}/{DeviceId}";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, TypedJson.Options);

    /// <exception cref="JsonException">not an opacity reading of this version.</exception>
    public static OpacityReading FromJson(ReadOnlySpan<byte> json)
    {
        var reading = TypedJson.Read<OpacityReading>(json, TypeName, CurrentVersion);
        if (string.IsNullOrEmpty(reading.ReadingId) || string.IsNullOrEmpty(reading.DeviceId) || string.IsNullOrEmpty(reading.EnterpriseId)
            || string.IsNullOrEmpty(reading.PlateNo) || reading.OpacityPercent is null && reading.AbsorptionCoefficient is null)
            throw new JsonException($"{TypeName} lacks readingId, deviceId, enterpriseId, plateNo or both measures");
        return reading;
    }
}
