namespace DataPlatform.Compliance.Integrity;

/// <summary>A ledger row as read back for verification; <paramref name="Seal"/> is null for a row that was written
/// without going through the chain (i.e. inserted behind the platform's back).</summary>
public sealed record SealedRecord(LedgerRecord Record, ChainSeal? Seal);
