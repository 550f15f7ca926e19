namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>How an attempt failed, which decides retry or stop.</summary>
public enum FailureKind
{
    /// <summary>Timeout, connection error, 5xx, bad response signature, busy: try again later.</summary>
    Transient = 1,

    /// <summary>The platform refused the content (schema, unknown enterprise): retrying sends the same refusal.</summary>
    Permanent = 2,
}
