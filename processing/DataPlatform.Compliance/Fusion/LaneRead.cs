using DataPlatform.Gate;

namespace DataPlatform.Compliance.Fusion;

/// <summary>One device's read of a vehicle at a gate lane: a plate camera's event, or an e-tag read resolved to a
/// registered vehicle. Pass times are whole seconds, as the ledger stores them, so a group rebuilt from stored rows
/// compares exactly like the group built from the stream.</summary>
/// <remarks>
/// <para><paramref name="LaneKey"/>: enterprise/gate/lane — the Kafka key of <c>gate.raw</c>, so one lane's reads are
/// ordered.</para>
/// <para><paramref name="Direction"/>: 1 in, 2 out; null for an e-tag read, which does not know the direction.</para>
/// <para><paramref name="Registered"/>: For an e-tag read: the tag resolved to a registered vehicle (its plate is
/// authoritative).</para>
/// </remarks>
public sealed record LaneRead(
    string EventId,
    string LaneKey,
    byte? Direction,
    string DeviceId,
    DateTime PassTime,
    string PlateText,
    PlateColor Color,
    double? Confidence,
    bool IsETag = false,
    bool Registered = false)
{
    public string Plate => PlateNormalizer.Normalize(PlateText);
}
