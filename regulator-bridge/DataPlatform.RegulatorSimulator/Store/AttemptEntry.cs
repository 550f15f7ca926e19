using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Store;

/// <summary>How one attempt ended on the platform.</summary>
public enum AttemptResult
{
    Accepted = 1,
    Duplicate = 2,
    Refused = 3,

    /// <summary>A fault struck before the store: nothing kept.</summary>
    FailedBeforeStore = 4,

    /// <summary>A verified heartbeat, login, poll or receipt.</summary>
    NotRecord = 5,
}

/// <summary>One attempt as the platform saw it (HTTP request or TCP line).</summary>
/// <remarks>
/// <para><paramref name="Transport"/>: "http" or "tcp".</para>
/// <para><paramref name="Fault"/>: The fault applied to this attempt, if any (also after a successful store).</para>
/// </remarks>
public sealed record AttemptEntry(
    DateTimeOffset At,
    string Transport,
    string? Method,
    string? RecordId,
    AttemptResult Result,
    RefusalReason? Refusal,
    FaultKind? Fault,
    string? Message);
