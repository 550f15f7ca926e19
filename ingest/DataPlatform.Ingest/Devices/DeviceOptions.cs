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
}
