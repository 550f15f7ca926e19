namespace DataPlatform.Compliance.Integrity;

public enum ChainFindingKind
{
    /// <summary>The record's content or seal no longer matches its link.</summary>
    Altered = 1,

    /// <summary>A sequence number of the chain has no record.</summary>
    Removed = 2,

    /// <summary>A record that is not part of the sealed chain: unsealed, beyond the stored head, a duplicate of a
    /// sequence number whose genuine record is present, or in a chain that has no stored head.</summary>
    Inserted = 3,

    /// <summary>Every record verifies against its neighbours but the chain does not end in the stored head: the
    /// chain was re-sealed consistently from some unknown point on.</summary>
    HeadMismatch = 4,
}
