using System.Security.Cryptography;

namespace DataPlatform.Ingest.Pictures;

/// <summary>Content address of a stored picture: <c>sha256:&lt;64 lower-case hex&gt;</c>. The same bytes always get
/// the same reference, so a re-sent push refers to the picture already stored.</summary>
public static class PictureRef
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> bytes) => Prefix + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hex digest of a well-formed reference, else null (so it can be used as a file name safely).</summary>
    public static string? HexOf(string? reference)
    {
        if (reference is null || !reference.StartsWith(Prefix, StringComparison.Ordinal) || reference.Length != Prefix.Length + 64)
            return null;
        var hex = reference[Prefix.Length..];
        return hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') ? hex : null;
    }
}

/// <summary>One picture taken out of a push, checked and addressed, waiting to be stored before its event is
/// accepted. <paramref name="Role"/> is the vendor's name for it (licensePlatePicture, NormalPic …).</summary>
public sealed record PictureUpload(string Ref, string Role, byte[] Bytes);
