using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Outbox;

/// <summary>One row of the upload log: every attempt, whatever its outcome (spec §5, issue 5 item 4).</summary>
public sealed record UploadAttempt(
    string RecordId,
    int Attempt,
    UploadMode Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    AttemptOutcome Outcome,
    string? ResponseCode,
    string? Error);
