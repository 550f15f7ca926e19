namespace DataPlatform.Compliance.Plates;

/// <summary>The passage goes to the manual-review queue instead of silently into the ledger.</summary>
/// <remarks>
/// <para><paramref name="Reason"/>: Chinese, for the reviewer.</para>
/// <para><paramref name="Candidates"/>: Plates the sources or the registry suggest, normalised, for the reviewer to
/// pick.</para>
/// </remarks>
public sealed record PlateReviewRequired(string Reason, string PrimaryText, IReadOnlyList<string> Candidates)
    : PlateReconciliation;
