using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>The upload state of one record: an immutable value, changed only through <see cref="OutboxMachine"/>,
/// so the durable outbox stores each new version and a restart resumes from the last one.</summary>
/// <remarks>
/// <para><paramref name="Deadline"/>: Generation time plus the profile's real-time deadline.</para>
/// <para><paramref name="Mode"/>: Decided at the first attempt and kept (see <see cref="BackfillRule"/>); null
/// before.</para>
/// </remarks>
public sealed record OutboxEntry(
    string RecordId,
    RecordKind Kind,
    string GateId,
    DateTimeOffset GeneratedAt,
    DateTimeOffset Deadline,
    UploadState State,
    int Attempts,
    UploadMode? Mode,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? AcknowledgedAt,
    string? LastError)
{
    public static OutboxEntry New(string recordId, RecordKind kind, string gateId, DateTimeOffset generatedAt, TimeSpan realTimeDeadline)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        return new(recordId, kind, gateId, generatedAt, generatedAt + realTimeDeadline, UploadState.Pending, 0, null, null, null, null, null);
    }

    /// <summary>Whether an attempt may start now.</summary>
    public bool IsReady(DateTimeOffset now) =>
        State == UploadState.Pending
        || ((State is UploadState.RetryWait or UploadState.Held) && NextAttemptAt is { } next && next <= now);

    public bool IsTerminal => State is UploadState.Acknowledged or UploadState.Failed;
}
