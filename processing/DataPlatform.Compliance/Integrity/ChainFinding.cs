namespace DataPlatform.Compliance.Integrity;

/// <param name="RecordId">The record named; null for a removed record (its id is gone with it) and head mismatches.</param>
/// <param name="Sequence">Its position in the chain, when known.</param>
/// <param name="Detail">Chinese explanation for the verification report.</param>
public sealed record ChainFinding(ChainFindingKind Kind, ChainKey Chain, string? RecordId, long? Sequence, string Detail)
{
    public override string ToString() => $"{Kind} {Chain} #{Sequence} {RecordId}: {Detail}";
}
