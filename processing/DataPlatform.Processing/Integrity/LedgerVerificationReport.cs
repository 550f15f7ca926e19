using DataPlatform.Compliance.Integrity;

namespace DataPlatform.Processing.Integrity;

/// <summary>What <see cref="LedgerVerifier"/> found over a date range.</summary>
/// <remarks>
/// <para><paramref name="From"/>: First China date checked; null when the ledger held nothing to check.</para>
/// <para><paramref name="Chains"/>: Chains checked: every chain with a stored head or a sealed row in the range.</para>
/// <para><paramref name="Records"/>: Distinct rows checked.</para>
/// <para><paramref name="Findings"/>: What retention does not explain: tampering until shown otherwise.</para>
/// </remarks>
public sealed record LedgerVerificationReport(
    string Ledger, DateOnly? From, DateOnly? To, int Chains, long Records, IReadOnlyList<ChainFinding> Findings)
{
    public bool IsIntact => Findings.Count == 0;

    /// <summary>Findings on days the ledger's retention reached, which it explains (<see cref="RetentionExplanation"/>).</summary>
    public IReadOnlyList<ChainFinding> Expired { get; init; } = [];

    /// <summary>Months the ledger keeps rows before deleting them; null when it deletes nothing.</summary>
    public int? RetentionMonths { get; init; }

    /// <summary>The first China date retention has not reached; null when it deletes nothing.</summary>
    public DateOnly? RetainedFrom { get; init; }

    /// <summary>This report with the findings retention explains moved to <see cref="Expired"/>.</summary>
    public LedgerVerificationReport ExplainRetention(int? months, DateOnly chinaToday)
    {
        if (months is not { } kept) return this;
        var retainedFrom = RetentionExplanation.RetainedFrom(chinaToday, kept);
        var (findings, expired) = RetentionExplanation.Split(Findings, retainedFrom);
        return this with { Findings = findings, Expired = expired, RetentionMonths = kept, RetainedFrom = retainedFrom };
    }
}
