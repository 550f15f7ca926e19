using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>What a transport must do with one attempt: the signed answer prepared for it (already shaped by a
/// refusal, duplicate or bad-signature fault) and the fault that decides how, or whether, it leaves.</summary>
/// <param name="Body">The answer; null when there is nothing to send.</param>
/// <param name="Fault">A fault the transport carries out (timeout, drop, lost ack, 5xx, slow, duplicate ack).</param>
/// <param name="AckRecordId">Mark this record acknowledged once the answer has been written.</param>
/// <param name="EnterpriseCode">Set when the envelope verified: the TCP link's login.</param>
internal sealed record Reply(string? Body, FaultRule? Fault, string? AckRecordId, string? EnterpriseCode)
{
    public FaultKind? FaultKind => Fault?.Kind;

    public TimeSpan FaultDelay(TimeSpan fallback) => Fault?.Delay ?? fallback;
}
