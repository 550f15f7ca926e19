namespace DataPlatform.Compliance.Integrity;

/// <summary>Any ledger row as the hash chain sees it: identity, chain coordinates and the content fields. Field
/// order does not matter (the canonical encoding sorts by name); names must be unique.</summary>
/// <remarks>
/// <para><paramref name="Kind"/>: Which ledger: passage, trip, interception …; part of the hash.</para>
/// <para><paramref name="Time"/>: The record's business time; its China date picks the chain.</para>
/// </remarks>
public sealed record LedgerRecord(
    string RecordId, string Kind, string EnterpriseId, string GateId, DateTimeOffset Time, IReadOnlyList<LedgerField> Fields)
{
    public ChainKey Chain => ChainKey.For(this);

    // Generated equality would compare Fields by reference; two records are equal when they would encode alike
    // (same values, fields in any order, Time as the same instant).
    public bool Equals(LedgerRecord? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (RecordId == other.RecordId && Kind == other.Kind && EnterpriseId == other.EnterpriseId
                && GateId == other.GateId && Time == other.Time
                && SortedFields().SequenceEqual(other.SortedFields())));

    private IEnumerable<LedgerField> SortedFields() => Fields.OrderBy(f => f.Name, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(RecordId, Kind, EnterpriseId, GateId, Time);
}
