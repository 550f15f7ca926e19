namespace DataPlatform.Compliance.Fusion;

/// <summary>What a lane group's reads settle on for its passage.</summary>
/// <remarks>
/// <para><paramref name="PlateText"/>: The plate to ledger (normalised).</para>
/// <para><paramref name="Confidence"/>: Combined confidence of the reads that agree with <paramref name="PlateText"/>
/// (1 − Π(1 − cᵢ)): two independent reads of the same plate are surer than one.</para>
/// <para><paramref name="ReviewReason"/>: Non-empty when the reads conflict and nothing decides between them
/// (Chinese).</para>
/// <para><paramref name="Candidates"/>: The plates in conflict, for the reviewer; empty when not flagged.</para>
/// <para><paramref name="Rule"/>: Why the plate is what it is, when more than one read took part (Chinese); kept with
/// each corroborating read.</para>
/// <para><paramref name="Verdicts"/>: Per read (by event id): agree, corrected, conflict.</para>
/// </remarks>
public sealed record FusedPlate(
    string PlateText,
    Gate.PlateColor Color,
    double? Confidence,
    string ReviewReason,
    IReadOnlyList<string> Candidates,
    string Rule,
    IReadOnlyDictionary<string, string> Verdicts)
{
    public bool NeedsReview => ReviewReason.Length > 0;
}

/// <summary>Relation of one read to its passage's settled plate (<c>lane_reads.relation</c>).</summary>
public static class ReadRelation
{
    public const string Agree = "agree";
    public const string Corrected = "corrected";
    public const string Conflict = "conflict";
    public const string Late = "late";
    public const string Unmatched = "unmatched";
}
