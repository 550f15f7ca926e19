namespace DataPlatform.Devices;

/// <summary>Rejection codes of the device parsers, next to the gate's own <see cref="DataPlatform.Gate.RejectionCodes"/>
/// (which the parsers reuse for JSON, field and time problems). Dashboards group dead letters by them.</summary>
public static class DeviceRejectionCodes
{
    /// <summary>Bytes between frames that belong to no frame (line noise, a partial frame after a reconnect).</summary>
    public const string Garbage = "garbage";

    /// <summary>Something that starts like a frame but breaks the frame grammar (wrong end byte, bad digits).</summary>
    public const string BadFrame = "bad_frame";

    /// <summary>The frame's checksum does not match its content.</summary>
    public const string BadChecksum = "bad_checksum";

    /// <summary>A well-formed reader frame that is not a tag report (a command response, an error frame).</summary>
    public const string NotATagRead = "not_tag_read";

    /// <summary>An EPC that is not hexadecimal or not a whole number of 16-bit words.</summary>
    public const string InvalidEpc = "invalid_epc";

    /// <summary>A well-formed tag that no registered vehicle carries.</summary>
    public const string UnknownTag = "unknown_tag";

    /// <summary>A 随车清单 QR whose layout is none of the supported ones; we never guess at fields.</summary>
    public const string UnknownLayout = "unknown_layout";
}
