using DataPlatform.Gate;

namespace DataPlatform.Compliance.Plates;

/// <summary>The plate to ledger.</summary>
/// <remarks>
/// <para><paramref name="PrimaryText"/>: The primary read, normalised, as the camera gave it.</para>
/// <para><paramref name="Corrected"/>: True when <paramref name="Plate"/> differs from <paramref name="PrimaryText"/>;
/// then <paramref name="Evidence"/> holds every source that supports the correction.</para>
/// </remarks>
public sealed record PlateAccepted(
    PlateNumber Plate, PlateColor Color, bool Corrected, string PrimaryText, IReadOnlyList<PlateEvidence> Evidence)
    : PlateReconciliation;
