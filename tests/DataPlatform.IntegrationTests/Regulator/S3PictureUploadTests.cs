using DataPlatform.Pictures;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Store;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary>
/// With <c>Ingest:PictureStore:Kind=s3</c> ingest keeps pictures in a bucket; the bridge reads the same bucket, so a
/// passage's picture reaches the regulator (it used to look only in a local directory and upload without it).
/// A real S3-compatible server (moto), the real bridge and the regulator platform simulator.
/// </summary>
[Collection(EnginesCollection.Name)]
public sealed class S3PictureUploadTests(EnginesFixture engines, MotoServer moto) : IClassFixture<MotoServer>
{
    [Theory]
    [InlineData(RegulatorProfiles.BaselineName)]
    [InlineData(RegulatorProfiles.HebeiTcpName)]
    public async Task A_passages_picture_in_the_S3_store_reaches_the_regulator(string profile)
    {
        var bucket = await moto.NewBucketAsync();
        var jpeg = Jpeg(seed: profile.Length);
        string reference;
        using (var ingestStore = new S3PictureStore(moto.Options(bucket)))
            reference = (await ingestStore.PutAsync(jpeg, default)).Ref;

        await using var h = await BridgeHarness.StartAsync(engines, profile);
        h.Overrides["RegulatorBridge:PictureDirectory"] = "";
        h.Overrides["Ingest:PictureStore:Kind"] = "s3";
        h.Overrides["Ingest:PictureStore:ServiceUrl"] = moto.Endpoint.ToString();
        h.Overrides["Ingest:PictureStore:Bucket"] = bucket;
        h.Overrides["Ingest:PictureStore:AccessKey"] = MotoServer.AccessKey;
        h.Overrides["Ingest:PictureStore:SecretKey"] = MotoServer.SecretKey;
        await h.StartBridgeAsync();
        var id = Guid.NewGuid();
        await h.PublishRawAsync("G01", BridgeHarness.PassageJson(id, "G01", DateTimeOffset.UtcNow, "冀B54321", reference));

        var recordId = $"{BridgeHarness.EntCode}-P-{id:N}";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        StoredRecord? passage;
        while (!h.Simulator.Store.TryGet(recordId, out passage) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.NotNull(passage);
        var base64 = Convert.ToBase64String(jpeg);
        if (profile == RegulatorProfiles.BaselineName)
        {
            // Uploaded first on its own (the bytes from the bucket), then referred to by the file id it was given.
            var image = Assert.Single(h.Simulator.Store.Records(new RecordQuery(Kind: RecordKind.Image)));
            Assert.Contains(base64, image.Payload, StringComparison.Ordinal);
            Assert.Contains($"\"frontPhoto\":\"{image.FileId}\"", passage.Payload, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"\"ctzp\":\"{base64}\"", passage.Payload, StringComparison.Ordinal);
        }
    }

    private static byte[] Jpeg(int seed) => [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 512).Select(i => (byte)(i * 31 + seed))];
}
