namespace DataPlatform.Compliance.Plates;

/// <summary>The passage goes to the manual-review queue instead of silently into the ledger.</summary>
/// <param name="Reason">Chinese, for the reviewer.</param>
/// <param name="Candidates">Plates the sources or the registry suggest, normalised, for the reviewer to pick.</param>
public sealed record PlateReviewRequired(string Reason, string PrimaryText, IReadOnlyList<string> Candidates)
    : PlateReconciliation;
