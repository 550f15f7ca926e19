using DataPlatform.Pictures;

namespace DataPlatform.RegulatorBridge.Uplink;

/// <summary>The pictures the bridge uploads with their records, read by their <c>sha256:</c> reference from ingest's
/// picture store (the same <see cref="IPictureStore"/> ingest writes: local directory or S3-compatible bucket).
/// Without a store (no directory configured) records go without pictures.</summary>
public sealed class UplinkPictures(IPictureStore? store)
{
    public async Task<byte[]?> ReadAsync(string reference, CancellationToken ct)
    {
        if (store is null) return null;
        await using var stream = await store.OpenAsync(reference, ct);
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, ct);
        return bytes.ToArray();
    }

    /// <summary>The bridge's view of the store <c>Ingest:PictureStore</c> names: the S3-compatible bucket, or the
    /// local directory <paramref name="bridgeDirectory"/> (<c>RegulatorBridge:PictureDirectory</c>), else ingest's
    /// <paramref name="ingestDirectory"/> (<c>Ingest:PictureDirectory</c>), else none.</summary>
    public static UplinkPictures Open(PictureStoreOptions options, string bridgeDirectory, string ingestDirectory, Microsoft.Extensions.Logging.ILogger logger)
    {
        var directory = bridgeDirectory.Length > 0 ? bridgeDirectory : ingestDirectory;
        if (!options.IsS3 && options.Problem() is null && directory.Length == 0)
            return new UplinkPictures(null);
        return new UplinkPictures(PictureStores.Create(options, directory, logger));
    }
}
