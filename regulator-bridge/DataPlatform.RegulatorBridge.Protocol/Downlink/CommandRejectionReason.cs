namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>Why a downlink message was refused. Nothing refused is ever applied.</summary>
public enum CommandRejectionReason
{
    Malformed = 1,
    MissingField = 2,
    UnsupportedSignType = 3,

    /// <summary>Forged or altered.</summary>
    BadSignature = 4,

    /// <summary>The envelope timestamp is outside the window, or the measure has already ended.</summary>
    Expired = 5,

    Replayed = 6,

    UnknownCommandType = 7,

    /// <summary>A field is present but its value is not acceptable (bad plate, unknown level, end before start …).</summary>
    InvalidField = 8,

    /// <summary>Addressed to another enterprise.</summary>
    WrongEnterprise = 9,
}
