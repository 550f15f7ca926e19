using DataPlatform.Gate;
using DataPlatform.Ingest.Pictures;
using DataPlatform.Pictures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests;

public sealed class PictureStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pictures-" + Guid.NewGuid().ToString("N"));

    private int FileCount => Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length : 0;

    [Property(MaxTest = 50)]
    public Property The_same_bytes_give_the_same_reference_and_are_stored_once(byte[] bytes) =>
        Prop.ForAll(Gen.Choose(2, 4).ToArbitrary(), times =>
        {
            bytes ??= [];
            var store = new LocalPictureStore(_root);
            var before = FileCount;
            var existed = store.ExistsAsync(PictureRef.Of(bytes), default).Result;
            var results = Enumerable.Range(0, times).Select(_ => store.PutAsync(bytes, default).GetAwaiter().GetResult()).ToList();
            return results.All(r => r.Ref == PictureRef.Of(bytes))
                && results[0].Written == !existed
                && results.Skip(1).All(r => !r.Written)
                && FileCount == before + (existed ? 0 : 1);
        });

    [Fact]
    public async Task Concurrent_writers_of_one_picture_leave_one_complete_file()
    {
        var store = new LocalPictureStore(_root);
        var picture = Fixtures.Jpeg(5, 100_000);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.PutAsync(picture, default))));
        Assert.Single(results, r => r.Written);
        Assert.Equal(1, FileCount);
        await using var stream = await store.OpenAsync(results[0].Ref, default);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        Assert.Equal(picture, copy.ToArray());
    }

    [Theory]
    [InlineData("sha256:../../etc/passwd")]
    [InlineData("sha256:ABCDEF")]
    [InlineData("md5:00")]
    public async Task Malformed_references_open_nothing(string reference)
    {
        var store = new LocalPictureStore(_root);
        Assert.Null(await store.OpenAsync(reference, default));
        Assert.False(await store.ExistsAsync(reference, default));
    }

    [Fact]
    public void Only_jpeg_and_png_within_the_limit_pass()
    {
        Assert.Null(PictureCheck.Check("a", Fixtures.Jpeg(), 1000));
        Assert.Null(PictureCheck.Check("a", Fixtures.Png(), 1000));
        Assert.Equal(IngestRejectionCodes.InvalidPicture, PictureCheck.Check("a", "GIF89a"u8, 1000)?.Code);
        Assert.Equal(IngestRejectionCodes.InvalidPicture, PictureCheck.Check("a", [], 1000)?.Code);
        Assert.Equal(RejectionCodes.TooLarge, PictureCheck.Check("a", Fixtures.Jpeg(size: 1001), 1000)?.Code);
    }

    [Fact]
    public void References_are_sha256_hex_the_event_accepts()
    {
        var reference = PictureRef.Of("abc"u8);
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", reference);
        Assert.NotNull(PictureRef.HexOf(reference));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
