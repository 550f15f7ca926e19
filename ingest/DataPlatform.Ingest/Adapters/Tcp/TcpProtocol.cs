using DataPlatform.Ingest.Devices;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>What a TCP device sends; configured per device (<c>protocol</c>) because the wire cannot tell.</summary>
public enum TcpProtocol
{
    /// <summary>Weighbridge: 耀华 XK3190 '=' continuous output (tF=0).</summary>
    Xk3190Equals,

    /// <summary>Weighbridge: XK3190-A9 style STX … ETX frames.</summary>
    Xk3190Stx,

    /// <summary>Weighbridge: Toledo continuous output without checksum.</summary>
    Toledo,

    /// <summary>Weighbridge: Toledo continuous output with the checksum byte.</summary>
    ToledoChecksum,

    /// <summary>Weighbridge software lines (JSON or CSV) with ticket, cargo, plate.</summary>
    SoftwareLine,

    /// <summary>E-tag: UHF reader module frames (BB … 7E).</summary>
    UhfModule,

    /// <summary>E-tag: one JSON or CSV read per line.</summary>
    TagLine,

    /// <summary>QR scanner: the 随车清单 text, one scan per terminator.</summary>
    QrText,
}

public static class TcpProtocols
{
    private static readonly (string Name, TcpProtocol Protocol, DeviceKind Kind)[] Table =
    [
        ("xk3190-equals", TcpProtocol.Xk3190Equals, DeviceKind.Weighbridge),
        ("xk3190-stx", TcpProtocol.Xk3190Stx, DeviceKind.Weighbridge),
        ("toledo", TcpProtocol.Toledo, DeviceKind.Weighbridge),
        ("toledo-checksum", TcpProtocol.ToledoChecksum, DeviceKind.Weighbridge),
        ("software-line", TcpProtocol.SoftwareLine, DeviceKind.Weighbridge),
        ("uhf-module", TcpProtocol.UhfModule, DeviceKind.ETag),
        ("line", TcpProtocol.TagLine, DeviceKind.ETag),
        ("text", TcpProtocol.QrText, DeviceKind.Qr),
    ];

    public static string Name(this TcpProtocol protocol) => Table.First(t => t.Protocol == protocol).Name;

    /// <summary>The protocol named for a device of <paramref name="kind"/>; an empty name picks the kind's
    /// default (e-tag: uhf-module, qr: text). Weighbridges have no default: guessing the indicator would turn
    /// every frame into garbage.</summary>
    public static bool TryParse(string? name, DeviceKind kind, out TcpProtocol protocol, out string reason)
    {
        protocol = default;
        var n = name?.Trim() ?? "";
        if (n.Length == 0)
        {
            switch (kind)
            {
                case DeviceKind.ETag: protocol = TcpProtocol.UhfModule; reason = ""; return true;
                case DeviceKind.Qr: protocol = TcpProtocol.QrText; reason = ""; return true;
            }
        }
        foreach (var row in Table)
        {
            if (row.Kind == kind && row.Name.Equals(n, StringComparison.OrdinalIgnoreCase))
            {
                protocol = row.Protocol;
                reason = "";
                return true;
            }
        }
        reason = $"protocol '{n}' is not one of {kind.Name()}'s: " + string.Join(", ", Table.Where(t => t.Kind == kind).Select(t => t.Name));
        return false;
    }
}
