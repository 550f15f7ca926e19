using DataPlatform.RegulatorBridge.Outbox;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Rates;

/// <summary>One generated record as the upload log knows it: the input of the rates.</summary>
/// <remarks>
/// <para><paramref name="Mode"/>: The upload's mode; null when never attempted.</para>
/// <para><paramref name="Complete"/>: Whether the payload sent had every mandatory field and image.</para>
/// </remarks>
public sealed record LoggedRecord(
    string RecordId,
    string GateId,
    DateTimeOffset GeneratedAt,
    UploadMode? Mode,
    DateTimeOffset? AcknowledgedAt,
    bool Complete)
{
    public static LoggedRecord From(OutboxEntry entry, bool complete)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.RecordId, entry.GateId, entry.GeneratedAt, entry.Mode,
            entry.State == UploadState.Acknowledged ? entry.AcknowledgedAt : null, complete);
    }
}
