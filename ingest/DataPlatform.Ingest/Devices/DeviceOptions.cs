using DataPlatform.Ingest.Adapters.Tcp;

namespace DataPlatform.Ingest.Devices;

/// <summary>One registered device, as configured under <c>Ingest:Devices</c> (a list). Mutable because the
/// configuration binder fills it; <see cref="DeviceRegistry"/> validates the whole list once at start.</summary>
public sealed class DeviceOptions
{
    /// <summary>1..32 of [A-Za-z0-9._-]; it becomes part of event ids and Kafka keys.</summary>
    public string DeviceId { get; set; } = "";

    /// <summary>camera-hikvision, camera-dahua, generic, weighbridge, etag or qr.</summary>
    public string Kind { get; set; } = "generic";

    public string EnterpriseId { get; set; } = "";

    public string GateId { get; set; } = "";

    public string LaneId { get; set; } = "";

    /// <summary>1/in/进厂 or 2/out/出厂: the direction of every passage this device reports (a lane camera
    /// watches one direction). Empty: taken from the camera's own direction field when it has one.</summary>
    public string Direction { get; set; } = "";

    /// <summary>Shared token, sent as <c>Authorization: Bearer</c>, <c>X-Device-Token</c>, Basic password or
    /// <c>?token=</c> (cameras can often only be given a URL).</summary>
    public string Token { get; set; } = "";

    /// <summary>HMAC-SHA256 key; the device signs every body (see <see cref="HmacSignature"/>).</summary>
    public string HmacSecret { get; set; } = "";

    /// <summary>What the camera's confidence numbers are out of: 100 (percent, the default) or 255 (raw
    /// 8-bit scores, as some Dahua firmware sends).</summary>
    public double ConfidenceScale { get; set; } = 100;

    // TCP devices (weighbridge, etag, qr behind a serial-to-Ethernet converter); see Adapters/Tcp/README.md.

    /// <summary>host:port our listener binds for this device (the converter is set up as a TCP client), e.g.
    /// <c>0.0.0.0:4001</c>. Empty: the device does not speak TCP to us.</summary>
    public string Listen { get; set; } = "";

    /// <summary>Connect mode: host:port of a converter set up as TCP server, which we dial and re-dial after a
    /// drop (with back-off and jitter). Exclusive with <see cref="Listen"/>.</summary>
    public string Connect { get; set; } = "";

    /// <summary>Connect mode: first re-dial delay in milliseconds; doubles per failed dial.</summary>
    public int ReconnectMinMs { get; set; } = 1000;

    /// <summary>Connect mode: longest re-dial delay in milliseconds.</summary>
    public int ReconnectMaxMs { get; set; } = 30_000;

    /// <summary>Weighbridge: xk3190-equals, xk3190-stx, toledo, toledo-checksum, software-line. E-tag:
    /// uhf-module (default) or line. QR: text (default).</summary>
    public string Protocol { get; set; } = "";

    /// <summary>Weighbridge indicators whose frames carry no unit (XK3190): kg (default) or t.</summary>
    public string Unit { get; set; } = "kg";

    /// <summary>Text protocols: the byte that ends a line or scan: lf (default; software-line, line), cr (default
    /// for qr), etx or tab. Multi-line 随车清单 text needs a scanner suffix that is not in the text, e.g. etx.</summary>
    public string Terminator { get; set; } = "";

    /// <summary>Comma-separated remote IP addresses allowed to connect; empty allows any. A raw TCP line has no
    /// token, so on a shared LAN this is the device's credential.</summary>
    public string AllowFrom { get; set; } = "";

    /// <summary>Stable-weight detection (indicator protocols): empty-scale threshold, spread tolerance and the
    /// minimum number of steady readings.</summary>
    public decimal EmptyThresholdKg { get; set; } = 200m;

    public decimal ToleranceKg { get; set; } = 20m;

    public int MinStableReadings { get; set; } = 5;

    /// <summary>E-tag: a tag read again by the same reader within this many seconds is the same passage (readers
    /// report a tag many times a second while it is in the field) and is not published again.</summary>
    public int RepeatSeconds { get; set; } = 10;

    /// <summary>E-tag: EPC → vehicle registrations this reader resolves against.</summary>
    public List<TagOptions> Tags { get; set; } = [];
}
