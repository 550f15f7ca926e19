using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DataPlatform.Pictures;

/// <summary>
/// <see cref="IPictureStore"/> on an S3-compatible bucket: object key <c>{prefix}ab/&lt;64 hex&gt;</c>.
/// <para>Why AWSSDK.S3 rather than a hand-written SigV4 client: signing, retries, clock-skew correction and the
/// error model of every S3-compatible store are the SDK's well-trodden path, and a picture store is no place to
/// debug canonical-request edge cases. Checksums are sent only when an operation requires them
/// (<c>WHEN_REQUIRED</c>): the SDK's default trailing CRC checksums use aws-chunked uploads that several
/// on-premises stores reject, and SigV4 already signs the payload's SHA-256, so the store verifies each upload.</para>
/// <para>Put is idempotent: HEAD first, and an existing object is never rewritten; two concurrent first puts of
/// one picture write the same bytes under the same key, so either order leaves the one correct object. A 200
/// from PUT means the store has it durably, which is when the event that refers to it may be acknowledged.</para>
/// <para>Retention: the platform never deletes. The bucket must not carry an expiration lifecycle rule shorter
/// than 24 months (S3 Object Lock in compliance mode can enforce that); see ingest README.</para>
/// </summary>
public sealed class S3PictureStore : IPictureStore, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;

    public S3PictureStore(PictureStoreOptions options)
    {
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = options.Region,
        };
        if (options.ServiceUrl.Length > 0) config.ServiceURL = options.ServiceUrl;
        else config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        var access = Fallback(options.AccessKey, "AWS_ACCESS_KEY_ID");
        var secret = Fallback(options.SecretKey, "AWS_SECRET_ACCESS_KEY");
        if (access.Length == 0 || secret.Length == 0)
            throw new InvalidOperationException("Ingest:PictureStore: the s3 store needs AccessKey and SecretKey (or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)");
        _s3 = new AmazonS3Client(new BasicAWSCredentials(access, secret), config);
        _bucket = options.Bucket.Trim();
        _prefix = options.Prefix.Trim().TrimStart('/');
        Description = $"s3 {(options.ServiceUrl.Length > 0 ? options.ServiceUrl : options.Region)}/{_bucket}/{_prefix}";
    }

    /// <summary>Where the pictures go, without secrets, for the start log.</summary>
    public string Description { get; }

    public async Task<(string Ref, bool Written)> PutAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var reference = PictureRef.Of(bytes.Span);
        var key = KeyOf(PictureRef.HexOf(reference)!);
        if (await HeadAsync(key, ct)) return (reference, false);
        using var body = new MemoryStream(bytes.ToArray(), writable: false);
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = ContentTypeOf(bytes.Span),
        }, ct);
        return (reference, true);
    }

    public async Task<bool> ExistsAsync(string reference, CancellationToken ct) =>
        PictureRef.HexOf(reference) is { } hex && await HeadAsync(KeyOf(hex), ct);

    public async Task<Stream?> OpenAsync(string reference, CancellationToken ct)
    {
        if (PictureRef.HexOf(reference) is not { } hex) return null;
        try
        {
            using var response = await _s3.GetObjectAsync(_bucket, KeyOf(hex), ct);
            var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy, ct);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public void Dispose() => _s3.Dispose();

    private async Task<bool> HeadAsync(string key, CancellationToken ct)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(_bucket, key, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return false;
        }
    }

    // One fan-out level keeps listings by prefix cheap; S3 needs no directory balancing beyond that.
    private string KeyOf(string hex) => $"{_prefix}{hex[..2]}/{hex}";

    private static string ContentTypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "image/png"
        : "application/octet-stream"; // large rejected bodies kept as evidence

    private static string Fallback(string configured, string variable) =>
        configured.Length > 0 ? configured : Environment.GetEnvironmentVariable(variable) ?? "";
}
