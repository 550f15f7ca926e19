namespace DataPlatform.RegulatorBridge.Records;

/// <summary>A heartbeat with device status (spec §5, default every 60 s). Not a ledger record: never 补传,
/// never counted in rates; a missed heartbeat is simply the next one.</summary>
public sealed record HeartbeatRecord(DateTimeOffset Time, IReadOnlyList<DeviceStatus> Devices, string? GateId = null);
