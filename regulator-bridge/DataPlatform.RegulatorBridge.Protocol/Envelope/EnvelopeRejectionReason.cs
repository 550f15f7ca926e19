namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>Why an incoming signed message was refused. Stable names for logs and metrics.</summary>
public enum EnvelopeRejectionReason
{
    /// <summary>Not JSON, not an object, duplicate keys, too large.</summary>
    Malformed = 1,

    /// <summary>A field the envelope needs is absent or empty.</summary>
    MissingField = 2,

    /// <summary>signType is not the profile's (e.g. MD5 where RSA2 is required).</summary>
    UnsupportedSignType = 3,

    /// <summary>The signature does not verify with the platform's public key: forged or altered.</summary>
    BadSignature = 4,

    /// <summary>The timestamp is unreadable or further than the message window from our clock.</summary>
    Expired = 5,

    /// <summary>The nonce was already seen inside the window.</summary>
    Replayed = 6,
}
