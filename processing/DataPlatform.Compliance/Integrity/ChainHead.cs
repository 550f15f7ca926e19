namespace DataPlatform.Compliance.Integrity;

/// <summary>The last link of a chain, stored apart from the ledger rows: with it, removing the newest rows or
/// rewriting a chain consistently is still detected.</summary>
/// <param name="Count">Number of records in the chain (sequences 0 … Count−1).</param>
/// <param name="Hash">The hash of the last record; the chain's genesis hash when empty.</param>
public sealed record ChainHead(ChainKey Chain, long Count, string Hash);
