using System.Net;
using System.Net.Http.Headers;
using Amazon.S3.Model;
using DataPlatform.Gate;
using DataPlatform.Ingest.Http;
using DataPlatform.Pictures;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests.Pictures;

/// <summary>The ingest role configured with <c>Ingest:PictureStore:Kind=s3</c> (as appsettings or the environment
/// would give it), against a real S3-compatible server: a camera's pictures land in the bucket once, an oversized
/// picture is refused before anything is stored.</summary>
public sealed class S3IngestHostTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task A_camera_push_stores_its_pictures_in_the_configured_bucket_once()
    {
        var bucket = await moto.NewBucketAsync();
        using var kafka = IngestTestHost.StartKafka([Topics.GateRaw, Topics.DeadLetter, Topics.DeviceEvents]);
        var settings = IngestTestHost.Settings(kafka);
        settings["Ingest:MaxPictureBytes"] = "20000";
        settings["Ingest:PictureStore:Kind"] = "s3";
        settings["Ingest:PictureStore:ServiceUrl"] = moto.Endpoint.ToString();
        settings["Ingest:PictureStore:Bucket"] = bucket;
        settings["Ingest:PictureStore:AccessKey"] = MotoServer.AccessKey;
        settings["Ingest:PictureStore:SecretKey"] = MotoServer.SecretKey;
        IngestTestHost.AddDevice(settings, 0, Hikvision.DeviceId, "camera-hikvision", "G01", "L1", "1");
        settings["Ingest:Devices:0:Token"] = "hik-token";
        using var host = await IngestTestHost.StartAsync(settings);
        try
        {
            Assert.IsType<S3PictureStore>(host.Services.GetRequiredService<IPictureStore>());
            var url = new Uri(IngestTestHost.BaseUri(host), $"/api/v1/cameras/hikvision/{Hikvision.DeviceId}?token=hik-token");
            using var http = new HttpClient();
            var time = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            async Task<HttpStatusCode> Push(string plateNo, params byte[][] pictures)
            {
                var content = new ByteArrayContent(HikvisionMultipart(HikvisionXml(plate: plateNo, dateTime: time), pictures));
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(MultipartContentType);
                using var response = await http.PostAsync(url, content);
                return response.StatusCode;
            }

            var plate = Jpeg(21, 3000);
            var scene = Jpeg(22, 9000);
            Assert.Equal(HttpStatusCode.OK, await Push("冀B12345", plate, scene));
            Assert.Equal(HttpStatusCode.OK, await Push("冀B12345", plate, scene)); // the camera re-sends
            Assert.Equal(HttpStatusCode.BadRequest, await Push("冀B54321", Jpeg(23, 30_000))); // over MaxPictureBytes
            Assert.Equal(HttpStatusCode.BadRequest, await Push("冀B54322", "GIF89a-not-a-camera-picture"u8.ToArray()));

            using var client = moto.Client();
            var keys = ((await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects ?? []).Select(o => o.Key).Order().ToList();
            Assert.Equal(new[] { plate, scene }.Select(p => PictureRef.HexOf(PictureRef.Of(p))!).Select(h => $"pictures/{h[..2]}/{h}").Order(), keys);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
