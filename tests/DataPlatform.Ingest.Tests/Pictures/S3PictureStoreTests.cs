using Amazon.S3.Model;
using DataPlatform.Pictures;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.Ingest.Tests.Pictures;

/// <summary>The S3 picture store against a real S3-compatible server (moto): the same promises as the local
/// store — content-addressed, stored once, readable back, malformed references open nothing.</summary>
public sealed class S3PictureStoreTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private async Task<(S3PictureStore Store, string Bucket)> NewStoreAsync()
    {
        var bucket = await moto.NewBucketAsync();
        return (new S3PictureStore(moto.Options(bucket)), bucket);
    }

    private async Task<List<S3Object>> ObjectsAsync(string bucket)
    {
        using var client = moto.Client();
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return listing.S3Objects ?? [];
    }

    [Fact]
    public async Task A_picture_is_stored_once_under_its_sha256_and_reads_back()
    {
        var (store, bucket) = await NewStoreAsync();
        using var _ = store;
        var picture = Fixtures.Jpeg(3, 50_000);
        var first = await store.PutAsync(picture, default);
        var second = await store.PutAsync(picture, default);

        Assert.Equal((PictureRef.Of(picture), true), first);
        Assert.Equal((first.Ref, false), second);
        var stored = Assert.Single(await ObjectsAsync(bucket));
        Assert.Equal($"pictures/{PictureRef.HexOf(first.Ref)![..2]}/{PictureRef.HexOf(first.Ref)}", stored.Key);
        Assert.Equal(picture.Length, stored.Size);
        Assert.True(await store.ExistsAsync(first.Ref, default));
        await using var read = await store.OpenAsync(first.Ref, default);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(picture, copy.ToArray());
        using var client = moto.Client();
        var meta = await client.GetObjectMetadataAsync(bucket, stored.Key);
        Assert.Equal("image/jpeg", meta.Headers.ContentType);
    }

    [Fact]
    public async Task Concurrent_puts_of_one_picture_leave_one_object_with_its_bytes()
    {
        var (store, bucket) = await NewStoreAsync();
        using var _ = store;
        byte[] picture = [.. Fixtures.Png(), .. Fixtures.Jpeg(9, 120_000)];
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.PutAsync(picture, default))));
        Assert.All(results, r => Assert.Equal(PictureRef.Of(picture), r.Ref));
        Assert.Contains(results, r => r.Written);
        Assert.Single(await ObjectsAsync(bucket));
        await using var read = await store.OpenAsync(results[0].Ref, default);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(picture, copy.ToArray());
    }

    [Fact]
    public async Task Distinct_pictures_get_distinct_objects_and_unknown_references_open_nothing()
    {
        var (store, bucket) = await NewStoreAsync();
        using var _ = store;
        var refs = new List<string>();
        for (var i = 0; i < 5; i++) refs.Add((await store.PutAsync(Fixtures.Jpeg(100 + i, 2000), default)).Ref);
        Assert.Equal(5, refs.Distinct().Count());
        Assert.Equal(5, (await ObjectsAsync(bucket)).Count);
        var absent = PictureRef.Of("never stored"u8);
        Assert.False(await store.ExistsAsync(absent, default));
        Assert.Null(await store.OpenAsync(absent, default));
        foreach (var malformed in new[] { "sha256:../../etc/passwd", "sha256:ABCDEF", "md5:00" })
        {
            Assert.False(await store.ExistsAsync(malformed, default));
            Assert.Null(await store.OpenAsync(malformed, default));
        }
    }

    [Fact]
    public async Task A_missing_bucket_fails_the_put_instead_of_pretending()
    {
        using var store = new S3PictureStore(moto.Options("no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));
        await Assert.ThrowsAnyAsync<Exception>(() => store.PutAsync(Fixtures.Jpeg(), default));
    }

    [Fact]
    public void Configuration_picks_the_store_and_refuses_unusable_settings()
    {
        var s3 = IngestServiceCollectionExtensions.CreatePictureStore(new IngestOptions { PictureStore = moto.Options("b") }, NullLogger.Instance);
        Assert.IsType<S3PictureStore>(s3);
        ((IDisposable)s3).Dispose();
        var dir = Path.Combine(Path.GetTempPath(), "pic-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.IsType<LocalPictureStore>(IngestServiceCollectionExtensions.CreatePictureStore(new IngestOptions { PictureDirectory = dir }, NullLogger.Instance));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
        Assert.Contains("Bucket", Assert.Throws<InvalidOperationException>(() =>
            IngestServiceCollectionExtensions.CreatePictureStore(new IngestOptions { PictureStore = new PictureStoreOptions { Kind = "s3" } }, NullLogger.Instance)).Message);
        Assert.Contains("not local or s3", Assert.Throws<InvalidOperationException>(() =>
            IngestServiceCollectionExtensions.CreatePictureStore(new IngestOptions { PictureStore = new PictureStoreOptions { Kind = "ftp" } }, NullLogger.Instance)).Message);
    }
}
