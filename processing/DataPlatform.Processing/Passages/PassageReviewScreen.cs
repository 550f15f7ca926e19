using DataPlatform.Compliance.Plates;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Decides whether a passage goes to the manual-review queue, with the pure <see cref="PlateReconciler"/>: a read
/// below the confidence threshold with nothing to corroborate it, a plate that breaks the grammar, or an unregistered
/// plate with a confusable registered look-alike (0/D/Q, 8/B …) is flagged. The passage is recorded either way —
/// flagged, never dropped and never silently certain. The reads of other devices at the lane are settled first by
/// lane read fusion (<see cref="Fusion.FusedPassageProjection"/>); this screens the settled read.
/// </summary>
public static class PassageReviewScreen
{
    public static PassageRow Screen(PassageRow row, GateEvent e, VehicleRegistry registry, ReconcilerOptions options) =>
        Screen(row, new PlateRead(e.Plate.Text, e.PlateColor, e.Confidence, "camera:" + (e.DeviceId ?? "unknown")), registry, options);

    public static PassageRow Screen(PassageRow row, PlateRead primary, VehicleRegistry registry, ReconcilerOptions options)
    {
        return PlateReconciler.Reconcile(primary, [], null, registry, options) is PlateReviewRequired review
            ? row with { ReviewReason = review.Reason, ReviewCandidates = [.. review.Candidates] }
            : row;
    }
}
