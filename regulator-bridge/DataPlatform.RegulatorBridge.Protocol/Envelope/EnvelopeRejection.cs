namespace DataPlatform.RegulatorBridge.Envelope;

/// <summary>A refusal: a stable reason for machines and a Chinese message for the operator's log.</summary>
public sealed record EnvelopeRejection(EnvelopeRejectionReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
