using System.Security.Cryptography;

namespace DataPlatform.Pictures;

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

    /// <summary>The reference without its <c>sha256:</c> prefix: the id a picture uploaded on its own goes under
    /// (derived from its content, so a re-upload is dropped).</summary>
    public static string ContentId(string reference) =>
        reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : reference;
}
