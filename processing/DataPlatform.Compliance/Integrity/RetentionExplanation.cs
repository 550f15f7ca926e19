namespace DataPlatform.Compliance.Integrity;

/// <summary>
/// Tells apart what a ledger's retention did from tampering. A table kept N months deletes each row N months after
/// its time (ClickHouse TTL, applied at merges), and the chain heads N months after their day's start — so on the
/// days retention reaches, a chain can miss its first records (found as removed) or its head (its remaining records
/// found as inserted). On those days, and only for those two kinds, a finding is what retention does, not an attack;
/// an altered record or a head mismatch is never explained away.
/// </summary>
public static class RetentionExplanation
{
    /// <summary>The first China date retention has not reached when rows are deleted <paramref name="months"/> months
    /// after their time: today's date N months back loses rows during the day (and its head at midnight), so the
    /// day after it is whole; one more day covers the 8 hours between China dates and a server clock on UTC.</summary>
    public static DateOnly RetainedFrom(DateOnly chinaToday, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return chinaToday.AddMonths(-months).AddDays(2);
    }

    /// <summary>Splits <paramref name="findings"/> into what still needs explaining and what retention explains.</summary>
    /// <remarks><paramref name="retainedFrom"/>: From <see cref="RetainedFrom"/>; null when the ledger deletes nothing
    /// (kept for ever, or old parts only moved to another volume).</remarks>
    public static (IReadOnlyList<ChainFinding> Findings, IReadOnlyList<ChainFinding> Expired) Split(
        IReadOnlyList<ChainFinding> findings, DateOnly? retainedFrom)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (retainedFrom is not { } first) return (findings, []);
        var expired = findings.Where(f => IsExpired(f, first)).ToList();
        return expired.Count == 0 ? (findings, []) : (findings.Where(f => !IsExpired(f, first)).ToList(), expired);
    }

    private static bool IsExpired(ChainFinding finding, DateOnly retainedFrom) =>
        finding.Chain.ChinaDate < retainedFrom && finding.Kind is ChainFindingKind.Removed or ChainFindingKind.Inserted;
}
