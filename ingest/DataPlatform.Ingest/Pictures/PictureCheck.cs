using DataPlatform.Gate;

namespace DataPlatform.Ingest.Pictures;

/// <summary>Accepts only what a camera legitimately sends: JPEG or PNG, judged by magic bytes (the declared
/// content type is whatever the firmware writes), within the size limit.</summary>
public static class PictureCheck
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Null when acceptable, else why not (code <see cref="IngestRejectionCodes.InvalidPicture"/> or
    /// <see cref="RejectionCodes.TooLarge"/>).</summary>
    public static Rejection? Check(string role, ReadOnlySpan<byte> bytes, int maxBytes)
    {
        if (bytes.Length > maxBytes)
            return new Rejection(RejectionCodes.TooLarge, $"picture '{Clip(role)}' has {bytes.Length} bytes, more than {maxBytes}");
        if (!IsImage(bytes))
            return new Rejection(IngestRejectionCodes.InvalidPicture, $"picture '{Clip(role)}' is not a JPEG or PNG image ({bytes.Length} bytes)");
        return null;
    }

    public static bool IsImage(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Jpeg) || bytes.StartsWith(Png);

    /// <summary>Checks and addresses a picture in one go.</summary>
    public static Rejection? TryCreate(string role, byte[] bytes, int maxBytes, out PictureUpload? upload)
    {
        upload = null;
        if (Check(role, bytes, maxBytes) is { } rejection) return rejection;
        upload = new PictureUpload(PictureRef.Of(bytes), role, bytes);
        return null;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
