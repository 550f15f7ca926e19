namespace DataPlatform.Compliance.Integrity;

/// <summary>The chain link stored with a ledger row: which chain, its position, the previous link's hash and its
/// own hash = SHA-256(previous hash ‖ sequence ‖ canonical record), all hashes lower-case hex.</summary>
public sealed record ChainSeal(ChainKey Chain, long Sequence, string PrevHash, string Hash);
