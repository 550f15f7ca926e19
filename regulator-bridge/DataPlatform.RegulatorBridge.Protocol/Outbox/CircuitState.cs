namespace DataPlatform.RegulatorBridge.Outbox;

public enum CircuitState
{
    /// <summary>Requests flow.</summary>
    Closed = 0,

    /// <summary>The platform is considered down: no requests until the open period ends.</summary>
    Open = 1,

    /// <summary>One probe request is allowed; its outcome closes or re-opens the circuit.</summary>
    HalfOpen = 2,
}
