namespace DataPlatform.Compliance.Plates;

/// <summary>One piece of evidence for the accepted plate.</summary>
/// <param name="Source">The reading source (camera, etag) or <c>registry</c>.</param>
/// <param name="PlateText">The plate this evidence supports (normalised).</param>
/// <param name="Detail">Chinese explanation for the review log.</param>
public sealed record PlateEvidence(string Source, string PlateText, string Detail);
