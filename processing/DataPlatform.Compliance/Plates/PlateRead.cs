using DataPlatform.Gate;

namespace DataPlatform.Compliance.Plates;

/// <summary>One source's reading of the plate, as raw text (a misread may not even be a valid plate).</summary>
/// <remarks>
/// <para><paramref name="Confidence"/>: 0..1 when the source reports one; null for sources without a score.</para>
/// <para><paramref name="Source"/>: Who read it, e.g. <c>camera:cam-02</c> or <c>etag</c>; named in the
/// evidence.</para>
/// </remarks>
public sealed record PlateRead(string Text, PlateColor Color, double? Confidence, string Source);
