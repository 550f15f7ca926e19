namespace DataPlatform.RegulatorBridge.Records;

/// <summary>One gate device's state in a heartbeat.</summary>
/// <param name="DeviceKind">camera, barrier, etag, qr, weighbridge, display …</param>
/// <param name="StatusText">For operators, e.g. 正常, 离线, 抓拍失败.</param>
public sealed record DeviceStatus(string DeviceId, string DeviceKind, bool Online, DateTimeOffset? LastSeen, string? StatusText);
