using DataPlatform.Pictures;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Uplink;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>A camera capture kept with a picture its device sent empty (ingest puts <c>missing:&lt;role&gt;</c> in the
/// picture's place): the bridge resolves the placeholder to no picture, so the passage is uploaded without it and
/// counts against the completeness rate (spec §5) — the slot it held stays that slot.</summary>
public sealed class MissingPictureCompletenessTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bridge-missing-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_missing_placeholder_resolves_to_no_picture_and_leaves_its_slot_incomplete()
    {
        byte[] body = [0xFF, 0xD8, 0xFF, 1, 2, 3];
        var (stored, _) = await new LocalPictureStore(_directory).PutAsync(body, default);
        var files = new UplinkPictures(new LocalPictureStore(_directory));
        var record = Passage() with { Photos = new PassPhotos("missing:licensePlatePicture.jpg", stored, stored) };

        var resolved = new Dictionary<string, string>();
        foreach (var (_, reference) in LedgerRecord.Pictures(record).DistinctBy(p => p.Reference))
            if (await files.ReadAsync(reference, default) is { } bytes) resolved[reference] = Convert.ToBase64String(bytes);
        var built = new PayloadBuilder(Baseline).Passage(record, UploadMode.RealTime, resolved.GetValueOrDefault);

        Assert.Null(await files.ReadAsync("missing:licensePlatePicture.jpg", default));
        // (The fixture's register images are not in this store, so they are missing too; the photos are what matter.)
        Assert.Equal(["frontPhoto"], built.Completeness.MissingImages.Where(i => i.EndsWith("Photo", StringComparison.Ordinal)));
        Assert.False(built.Completeness.IsComplete);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
