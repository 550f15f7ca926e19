namespace DataPlatform.Ingest.Pictures;

/// <summary>One picture taken out of a push, checked and addressed, waiting to be stored before its event is
/// accepted. <paramref name="Role"/> is the vendor's name for it (licensePlatePicture, NormalPic …).</summary>
public sealed record PictureUpload(string Ref, string Role, byte[] Bytes)
{
    /// <summary>A picture the device announced but sent empty: nothing to store, <see cref="PictureRef.Missing"/> in its place.</summary>
    public static PictureUpload MissingOf(string role) => new(PictureRef.Missing(role), role, []);

    public bool IsMissing => PictureRef.IsMissing(Ref);
}
