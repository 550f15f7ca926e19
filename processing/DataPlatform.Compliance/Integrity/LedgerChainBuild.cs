namespace DataPlatform.Compliance.Integrity;

/// <summary>The sealed records (in chain order) and the heads to store separately.</summary>
public sealed record LedgerChainBuild(IReadOnlyList<SealedRecord> Records, IReadOnlyList<ChainHead> Heads);
