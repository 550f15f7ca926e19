using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Outbox;

namespace DataPlatform.RegulatorBridge.Transports;

/// <summary>A response body → the outcome of the attempt. Pure. A response that fails verification is no answer
/// at all (BadResponse, retried): the platform drops the repeat by record id.</summary>
public static class ReplyClassifier
{
    public static TransportReply Classify(EnvelopeVerifier verifier, string? body, DateTimeOffset now)
    {
        if (!ResponseReader.TryRead(verifier, body, now, out var response, out var rejection))
            return TransportReply.Failed(AttemptOutcome.BadResponse, $"应答无效：{rejection.Message}");
        // A duplicate by the profile's own code, or a success whose data says "duplicate": true.
        if (response.Duplicate || (response.Acknowledged && DuplicateClaim.In(response.Data)))
            return new TransportReply(AttemptOutcome.Duplicate, response, null);
        return response.Acknowledged
            ? new TransportReply(AttemptOutcome.Acknowledged, response, null)
            : new TransportReply(AttemptOutcome.Refused, response, $"平台拒收（{response.Code}）：{response.Message}");
    }
}
