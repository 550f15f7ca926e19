namespace DataPlatform.Compliance.Plates;

/// <summary>The outcome of <see cref="PlateReconciler.Reconcile"/>: <see cref="PlateAccepted"/> or
/// <see cref="PlateReviewRequired"/>.</summary>
public abstract record PlateReconciliation;
