namespace DataPlatform.RegulatorBridge.Records;

/// <summary>进/出厂照片: the three views a passage needs (spec §1.1), as picture references (e.g. sha256:…)
/// that the transport resolves to base64 or a file id.</summary>
public sealed record PassPhotos(string? Front, string? Body, string? Plate)
{
    public static readonly PassPhotos None = new(null, null, null);
}
