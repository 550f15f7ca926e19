using DataPlatform.Gate;

namespace DataPlatform.Devices.ETag;

/// <summary>A tag report of a UHF reader module (the BB…7E frame of <see cref="UhfModuleFramer"/>).</summary>
/// <param name="Rssi">Signal strength in dBm (the module sends it as a signed byte).</param>
/// <param name="Pc">The tag's Gen2 protocol-control word; bits 15..11 are the EPC length in words.</param>
/// <param name="Epc">Canonical upper-case hex.</param>
public sealed record UhfTagNotification(int Rssi, ushort Pc, string Epc)
{
    /// <summary>The read as the platform keeps it. These modules have one antenna port unless configured
    /// otherwise, and put no time in the frame: the adapter stamps the receive time.</summary>
    public TagRead ToTagRead(string readerId, DateTimeOffset receivedAt, int? antenna = null) =>
        new(readerId, Epc, antenna, Rssi, ChinaTime.From(receivedAt));
}
