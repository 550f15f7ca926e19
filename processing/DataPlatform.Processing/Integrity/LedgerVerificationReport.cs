using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Integrity;

/// <summary>What <see cref="LedgerVerifier"/> found over a date range.</summary>
/// <param name="From">First China date checked; null when the ledger held nothing to check.</param>
/// <param name="Chains">Chains checked: every chain with a stored head or a sealed row in the range.</param>
/// <param name="Records">Distinct rows checked.</param>
public sealed record LedgerVerificationReport(
    string Ledger, DateOnly? From, DateOnly? To, int Chains, long Records, IReadOnlyList<ChainFinding> Findings)
{
    public bool IsIntact => Findings.Count == 0;
}
