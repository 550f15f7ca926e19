namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>How pictures travel; both exist in the wild (spec §5).</summary>
public enum PictureMode
{
    /// <summary>Base64 inside the record's payload.</summary>
    Inline = 1,

    /// <summary>Uploaded first with the image method; the record carries the returned file id.</summary>
    SeparateUpload = 2,
}
