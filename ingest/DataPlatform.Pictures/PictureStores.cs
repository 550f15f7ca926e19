using Microsoft.Extensions.Logging;

namespace DataPlatform.Pictures;

/// <summary>Opens the store <c>Ingest:PictureStore</c> names, for ingest (which writes) and the regulator bridge
/// (which reads the pictures it uploads), so both sides always agree on where and how a picture is kept.</summary>
public static class PictureStores
{
    /// <summary>The S3-compatible bucket when <see cref="PictureStoreOptions.Kind"/> is <c>s3</c>, else the local
    /// directory <paramref name="localDirectory"/>.</summary>
    /// <exception cref="InvalidOperationException">the settings are unusable; the message names the setting.</exception>
    public static IPictureStore Create(PictureStoreOptions options, string localDirectory, ILogger logger)
    {
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        if (options.IsS3)
        {
            var s3 = new S3PictureStore(options);
            logger.LogInformation("Pictures are kept in {Store} (never deleted by the platform; retention ≥ 24 months)", s3.Description);
            return s3;
        }
        var store = new LocalPictureStore(localDirectory);
        logger.LogInformation("Pictures are kept in {Directory} (never deleted by the platform; retention ≥ 24 months)", store.Root);
        return store;
    }
}
