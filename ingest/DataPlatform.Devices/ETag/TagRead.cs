namespace DataPlatform.Devices.ETag;

/// <summary>One read of one e-tag by one reader.</summary>
/// <remarks>
/// <para><paramref name="Epc"/>: Canonical upper-case hex (see <see cref="ETag.Epc"/>).</para>
/// <para><paramref name="Antenna"/>: Antenna port, 1-based, when the reader says.</para>
/// <para><paramref name="Rssi"/>: Signal strength in dBm as the reader reports it, when it does.</para>
/// <para><paramref name="Time"/>: China time.</para>
/// </remarks>
public sealed record TagRead(string ReaderId, string Epc, int? Antenna, int? Rssi, DateTimeOffset Time);
