using DataPlatform.Gate;

namespace DataPlatform.Ingest.Devices;

/// <summary>A validated <see cref="DeviceOptions"/>: what the adapters need to turn a push into a gate event.</summary>
public sealed record DeviceRegistration(
    string DeviceId,
    DeviceKind Kind,
    string EnterpriseId,
    string GateId,
    string LaneId,
    Direction? Direction,
    string Token,
    string HmacSecret,
    double ConfidenceScale)
{
    /// <summary>Stand-in for pushes to an open (no devices configured) deployment and for tests.</summary>
    public static DeviceRegistration Unregistered(string deviceId, DeviceKind kind) =>
        new(deviceId, kind, "", "", "", null, "", "", 100);

    // Secrets must not end up in logs through the record's generated ToString.
    public override string ToString() => $"{DeviceId} ({Kind.Name()}) {EnterpriseId}/{GateId}/{LaneId}";
}
