namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>The outcome of <see cref="EnvelopeVerifier"/>: exactly one of <see cref="Envelope"/> and
/// <see cref="Rejection"/> is set.</summary>
public sealed record EnvelopeVerification(ReceivedEnvelope? Envelope, EnvelopeRejection? Rejection)
{
    public bool IsAccepted => Envelope is not null;

    public static EnvelopeVerification Accept(ReceivedEnvelope envelope) => new(envelope, null);

    public static EnvelopeVerification Reject(EnvelopeRejectionReason reason, string message) =>
        new(null, new EnvelopeRejection(reason, message));
}
