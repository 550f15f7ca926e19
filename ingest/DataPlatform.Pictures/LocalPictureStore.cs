namespace DataPlatform.Pictures;

/// <summary>
/// <see cref="IPictureStore"/> on a local directory: <c>DIR/ab/cd/&lt;64 hex&gt;</c> (two fan-out levels keep
/// directories small over 24 months of pictures). A picture is written to a temporary file, fsynced, then
/// renamed into place without overwrite, so a crash never leaves a truncated file under a valid name and two
/// concurrent writers of the same picture both end with the one copy, exactly one of them told it wrote it.
/// </summary>
public sealed class LocalPictureStore : IPictureStore
{
    private static readonly Lock[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new Lock())];

    private readonly string _root;

    public LocalPictureStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task<(string Ref, bool Written)> PutAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var reference = PictureRef.Of(bytes.Span);
        var path = PathOf(PictureRef.HexOf(reference)!);
        if (File.Exists(path)) return (reference, false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await file.WriteAsync(bytes, ct);
                file.Flush(flushToDisk: true);
            }
            // Placing is check-then-move under a lock per name: with File.Move's own no-overwrite alone, two concurrent
            // writers of one picture were both told "written" on CI. Across processes the catch below still keeps one copy.
            lock (Stripes[(uint)StringComparer.Ordinal.GetHashCode(path) % (uint)Stripes.Length])
            {
                if (File.Exists(path)) return (reference, false); // another request stored the same picture meanwhile
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    return (reference, false); // another process stored it meanwhile
                }
                return (reference, true);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task<bool> ExistsAsync(string reference, CancellationToken ct) =>
        Task.FromResult(PictureRef.HexOf(reference) is { } hex && File.Exists(PathOf(hex)));

    public Task<Stream?> OpenAsync(string reference, CancellationToken ct) =>
        Task.FromResult<Stream?>(PictureRef.HexOf(reference) is { } hex && File.Exists(PathOf(hex)) ? File.OpenRead(PathOf(hex)) : null);

    private string PathOf(string hex) => Path.Combine(_root, hex[..2], hex[2..4], hex);
}
