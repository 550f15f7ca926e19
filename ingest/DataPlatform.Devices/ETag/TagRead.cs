namespace DataPlatform.Devices.ETag;

/// <summary>One read of one e-tag by one reader.</summary>
/// <param name="Epc">Canonical upper-case hex (see <see cref="ETag.Epc"/>).</param>
/// <param name="Antenna">Antenna port, 1-based, when the reader says.</param>
/// <param name="Rssi">Signal strength in dBm as the reader reports it, when it does.</param>
/// <param name="Time">China time.</param>
public sealed record TagRead(string ReaderId, string Epc, int? Antenna, int? Rssi, DateTimeOffset Time);
