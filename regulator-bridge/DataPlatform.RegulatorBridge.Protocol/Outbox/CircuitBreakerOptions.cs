namespace DataPlatform.RegulatorBridge.Outbox;

public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive failed attempts that open the circuit.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long the circuit stays open before one probe.</summary>
    public TimeSpan OpenDuration { get; set; } = TimeSpan.FromSeconds(30);
}
