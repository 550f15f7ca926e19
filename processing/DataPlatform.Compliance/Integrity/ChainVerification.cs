namespace DataPlatform.Compliance.Integrity;

public sealed record ChainVerification(IReadOnlyList<ChainFinding> Findings)
{
    public bool IsIntact => Findings.Count == 0;
}
