namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>Why the platform refused an attempt; each has a response code in <c>PlatformCodes</c>. Refusals
/// injected by the fault plan are not here: they count as faults (<see cref="AttemptResult.FailedBeforeStore"/>,
/// or an accepted record whose answer failed).</summary>
public enum RefusalReason
{
    /// <summary>Not JSON, missing or duplicated envelope fields, unsupported sign type.</summary>
    MalformedEnvelope = 1,

    BadSignature = 2,

    /// <summary>The envelope timestamp is outside the message window.</summary>
    Expired = 3,

    /// <summary>The nonce was seen inside the window.</summary>
    Replayed = 4,

    UnknownEnterprise = 5,

    UnknownMethod = 6,

    /// <summary>The payload is not a JSON object, lacks an identifying field (record id, upload type, gate,
    /// time, plate …) or holds an unreadable code.</summary>
    BadSchema = 7,
}
