namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>Reads pictures from ingest's content-addressed store (<c>DIR/ab/cd/&lt;sha256 hex&gt;</c>) by their
/// <c>sha256:</c> reference.</summary>
public sealed class PictureFiles(string directory)
{
    private const string Prefix = "sha256:";

    public async Task<byte[]?> ReadAsync(string reference, CancellationToken ct)
    {
        if (directory.Length == 0 || !reference.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var hex = reference[Prefix.Length..];
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigitLower))
            return null;
        var path = Path.Combine(directory, hex[..2], hex[2..4], hex);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    /// <summary>The id a separately uploaded picture goes under: derived from its content, so a re-upload is dropped.</summary>
    public static string LocalId(string reference) =>
        reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : reference;
}
