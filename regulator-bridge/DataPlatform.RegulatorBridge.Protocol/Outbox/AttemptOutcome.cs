namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>How one attempt ended.</summary>
public enum AttemptOutcome
{
    Acknowledged = 1,

    /// <summary>The platform already had it (its duplicate code): also an acknowledgement.</summary>
    Duplicate = 2,

    /// <summary>Refused for its content: permanent.</summary>
    Refused = 3,

    /// <summary>Connection refused or dropped, 5xx, busy.</summary>
    TransportError = 4,

    Timeout = 5,

    /// <summary>The response's signature failed: treated as no answer.</summary>
    BadResponse = 6,
}
