namespace DataPlatform.Pictures;

/// <summary>Where pictures (and large rejected bodies) are kept: <c>Ingest:PictureStore</c>. Nothing is ever
/// deleted by the platform in either store; HJ 1321 evidence must be kept at least 24 months.</summary>
public sealed class PictureStoreOptions
{
    /// <summary>The configuration section, read by ingest and by the regulator bridge alike: one store, named once.</summary>
    public const string Section = "Ingest:PictureStore";


    /// <summary><c>local</c> (default: <c>Ingest:PictureDirectory</c>) or <c>s3</c> (any S3-compatible
    /// object store: AWS S3, MinIO, Ceph RGW, Alibaba OSS / Tencent COS in S3 mode).</summary>
    public string Kind { get; set; } = "local";

    /// <summary>S3 endpoint, e.g. <c>http://minio:9000</c>; empty means AWS S3 in <see cref="Region"/>.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Bucket { get; set; } = "";

    /// <summary>Signing region; MinIO and most on-premises stores accept the default.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Access key id; empty falls back to the <c>AWS_ACCESS_KEY_ID</c> environment variable.</summary>
    public string AccessKey { get; set; } = "";

    /// <summary>Secret key; empty falls back to <c>AWS_SECRET_ACCESS_KEY</c>. Prefer the environment
    /// (<c>Ingest__PictureStore__SecretKey</c>) over a file.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>Path-style URLs (<c>endpoint/bucket/key</c>), which on-premises stores need; false for
    /// virtual-hosted style (<c>bucket.endpoint/key</c>).</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Key prefix inside the bucket, e.g. <c>pictures/</c>, so one bucket can hold several plants.</summary>
    public string Prefix { get; set; } = "pictures/";

    public bool IsS3 => Kind.Trim().Equals("s3", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when usable, else why not (the start stops with it).</summary>
    public string? Problem()
    {
        var kind = Kind.Trim().ToLowerInvariant();
        if (kind is not ("local" or "" or "s3")) return $"Ingest:PictureStore:Kind '{Kind}' is not local or s3";
        if (kind != "s3") return null;
        if (string.IsNullOrWhiteSpace(Bucket)) return "Ingest:PictureStore:Bucket is required for the s3 store";
        if (ServiceUrl.Length > 0 && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
            return $"Ingest:PictureStore:ServiceUrl '{ServiceUrl}' is not an absolute URL";
        return null;
    }
}
