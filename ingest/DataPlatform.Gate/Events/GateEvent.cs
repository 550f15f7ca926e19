namespace DataPlatform.Gate;

/// <summary>One vehicle passing one gate lane, as the camera/gate controller reports it: the contract between
/// ingest, the Kafka topic and every later stage. <see cref="GateEventCodec"/> reads and writes its JSON.</summary>
/// <remarks>
/// <para><paramref name="EventId"/>: Device-unique event id, 1..64 of [A-Za-z0-9._:-].</para>
/// <para><paramref name="EnterpriseId"/>: 1..32 characters.</para>
/// <para><paramref name="GateId"/>: 1..32 characters.</para>
/// <para><paramref name="LaneId"/>: 1..32 characters.</para>
/// <para><paramref name="PassTime"/>: Carried as China time (UTC+8); equality compares the instant.</para>
/// <para><paramref name="Confidence"/>: Plate recognition confidence 0..1, when the camera gives one.</para>
/// <para><paramref name="Pictures"/>: Picture references (e.g. sha256:…), possibly empty; compared by content.</para>
/// </remarks>
public sealed record GateEvent(
    string EventId,
    string EnterpriseId,
    string GateId,
    string LaneId,
    Direction Direction,
    DateTimeOffset PassTime,
    PlateNumber Plate,
    PlateColor PlateColor,
    double? Confidence,
    VehicleType? VehicleType,
    string? DeviceId,
    IReadOnlyList<string> Pictures)
{
    /// <summary>The Kafka key: one lane's passages stay in order on one partition.</summary>
    public string PartitionKey => $"{EnterpriseId}/{GateId}/{LaneId}";

    // The generated equality would compare Pictures by reference, so a decoded copy of an event would never
    // equal the original.
    public bool Equals(GateEvent? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (EventId == other.EventId
                && EnterpriseId == other.EnterpriseId
                && GateId == other.GateId
                && LaneId == other.LaneId
                && Direction == other.Direction
                && PassTime == other.PassTime
                && Plate == other.Plate
                && PlateColor == other.PlateColor
                && Nullable.Equals(Confidence, other.Confidence)
                && Nullable.Equals(VehicleType, other.VehicleType)
                && DeviceId == other.DeviceId
                && PicturesEqual(Pictures, other.Pictures)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EventId);
        hash.Add(EnterpriseId);
        hash.Add(GateId);
        hash.Add(LaneId);
        hash.Add(Direction);
        hash.Add(PassTime);
        hash.Add(Plate);
        hash.Add(PlateColor);
        hash.Add(Confidence);
        hash.Add(VehicleType);
        hash.Add(DeviceId);
        foreach (var picture in Pictures ?? [])
            hash.Add(picture);
        return hash.ToHashCode();
    }

    private static bool PicturesEqual(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal));
}
