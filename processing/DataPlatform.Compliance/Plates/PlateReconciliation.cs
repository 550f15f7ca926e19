namespace DataPlatform.Compliance.Plates;

/// <summary>The outcome of
/// <see cref="PlateReconciler.Reconcile(PlateRead, IReadOnlyList{PlateRead}, PlateRead, Vehicles.VehicleRegistry, ReconcilerOptions)"/>:
/// <see cref="PlateAccepted"/> or <see cref="PlateReviewRequired"/>.</summary>
public abstract record PlateReconciliation;
