namespace DataPlatform.RegulatorBridge.Records;

/// <summary>One gate device's state in a heartbeat.</summary>
/// <remarks>
/// <para><paramref name="DeviceKind"/>: camera, barrier, etag, qr, weighbridge, display …</para>
/// <para><paramref name="StatusText"/>: For operators, e.g. 正常, 离线, 抓拍失败.</para>
/// </remarks>
public sealed record DeviceStatus(string DeviceId, string DeviceKind, bool Online, DateTimeOffset? LastSeen, string? StatusText);
