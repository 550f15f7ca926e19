namespace DataPlatform.Compliance.Reviews;

/// <summary>A passage's effective state: its status, the values the ledger now stands by, and how many
/// resolutions (applied actions) it has had — the version of its regulator record is 1 + that number.</summary>
public sealed record ReviewState(ReviewStatus Status, ReviewedValues Effective, int Resolutions)
{
    /// <summary>The state of a passage as written: pending when the writer flagged it.</summary>
    public static ReviewState Initial(ReviewedValues recorded, bool flagged) =>
        new(flagged ? ReviewStatus.Pending : ReviewStatus.None, recorded, 0);
}
