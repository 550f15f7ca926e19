namespace DataPlatform.Compliance.Integrity;

/// <remarks>
/// <para><paramref name="RecordId"/>: The record named; null for a removed record (its id is gone with it) and head
/// mismatches.</para>
/// <para><paramref name="Sequence"/>: Its position in the chain, when known.</para>
/// <para><paramref name="Detail"/>: Chinese explanation for the verification report.</para>
/// </remarks>
public sealed record ChainFinding(ChainFindingKind Kind, ChainKey Chain, string? RecordId, long? Sequence, string Detail)
{
    public override string ToString() => $"{Kind} {Chain} #{Sequence} {RecordId}: {Detail}";
}
