using System.Security.Cryptography;

namespace DataPlatform.Pictures;

/// <summary>Content address of a stored picture: <c>sha256:&lt;64 lower-case hex&gt;</c>. The same bytes always get
/// the same reference, so a re-sent push refers to the picture already stored.</summary>
public static class PictureRef
{
    public const string Prefix = "sha256:";

    /// <summary>Prefix of the placeholder a passage carries where its device sent an empty picture: the slot keeps
    /// its position (the bridge maps pictures to 车头/车身/车牌 by position) and, resolving to no stored picture,
    /// counts against the regulator's completeness rate instead of the passage being lost.</summary>
    public const string MissingPrefix = "missing:";

    public static string Of(ReadOnlySpan<byte> bytes) => Prefix + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary><c>missing:&lt;role&gt;</c>, the role reduced to 1..64 of <c>A-Z a-z 0-9 . _ -</c> (it names a
    /// multipart part, i.e. whatever the firmware wrote).</summary>
    public static string Missing(string role)
    {
        var safe = new string([.. role.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').Take(64)]);
        return MissingPrefix + (safe.Length > 0 ? safe : "picture");
    }

    public static bool IsMissing(string reference) => reference.StartsWith(MissingPrefix, StringComparison.Ordinal);

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
