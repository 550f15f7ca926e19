using System.Collections.Concurrent;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>The last known state of each gate device, from <c>device.events</c>, for the heartbeat.</summary>
public sealed class DeviceStatusBoard
{
    private readonly ConcurrentDictionary<string, DeviceStatus> _devices = new(StringComparer.Ordinal);

    public void Set(DeviceStatus status) => _devices[status.DeviceId] = status;

    public IReadOnlyList<DeviceStatus> Snapshot() => [.. _devices.Values.OrderBy(d => d.DeviceId, StringComparer.Ordinal)];
}
