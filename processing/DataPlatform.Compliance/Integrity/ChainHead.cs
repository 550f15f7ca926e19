namespace DataPlatform.Compliance.Integrity;

/// <summary>The last link of a chain, stored apart from the ledger rows: with it, removing the newest rows or
/// rewriting a chain consistently is still detected.</summary>
/// <remarks>
/// <para><paramref name="Count"/>: Number of records in the chain (sequences 0 … Count−1).</para>
/// <para><paramref name="Hash"/>: The hash of the last record; the chain's genesis hash when empty.</para>
/// </remarks>
public sealed record ChainHead(ChainKey Chain, long Count, string Hash);
