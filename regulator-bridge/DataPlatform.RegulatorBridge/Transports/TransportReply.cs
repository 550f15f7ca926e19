using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Outbox;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>How one request ended: the outcome for the upload log and, when the platform answered with a valid
/// signature, its response.</summary>
public sealed record TransportReply(AttemptOutcome Outcome, PlatformResponse? Response, string? Error)
{
    public bool IsAcknowledged => Outcome is AttemptOutcome.Acknowledged or AttemptOutcome.Duplicate;

    public static TransportReply Failed(AttemptOutcome outcome, string error) => new(outcome, null, error);
}
