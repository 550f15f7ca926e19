using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DataPlatform.Cli.Hosting;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Http;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Tests.Ingest;

/// <summary>A Hikvision capture shaped like the real one whose plate picture part came with <c>Content-Length: 0</c>
/// (issue 11: it was refused whole, 400 invalid_picture, and the passage was lost) lands in the ledger as a
/// passage with that picture marked <c>missing:</c>, in its place.</summary>
[Collection(EnginesCollection.Name)]
public sealed class EmptyPictureCaptureTests(EnginesFixture engines)
{
    [Fact]
    public async Task An_anpr_capture_with_an_empty_plate_picture_is_a_passage_with_the_picture_marked_missing()
    {
        await using var platform = TestPlatform.Create(engines);
        var settings = platform.Settings();
        settings["Ingest:Devices:0:DeviceId"] = "cam-hik-e2e";
        settings["Ingest:Devices:0:Kind"] = "camera-hikvision";
        settings["Ingest:Devices:0:EnterpriseId"] = "E1302001";
        settings["Ingest:Devices:0:GateId"] = "G01";
        settings["Ingest:Devices:0:LaneId"] = "L1";
        settings["Ingest:Devices:0:Direction"] = "1";
        settings["Ingest:Devices:0:Token"] = "e2e-token";
        using var host = await TestPlatform.StartHostAsync(settings, PlatformRole.Ingest | PlatformRole.Processing);
        try
        {
            var time = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddMinutes(-2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            byte[] scene = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 2, 3, 0xFF, 0xD9];
            var body = Multipart.Write("MIME_boundary", [
                new("anpr.xml", "anpr.xml", "application/xml", Encoding.UTF8.GetBytes(
                    $"""<EventNotificationAlert xmlns="http://www.isapi.org/ver20/XMLSchema"><dateTime>{time}</dateTime><eventType>ANPR</eventType><ANPR><licensePlate>冀B71234</licensePlate><plateColor>yellow</plateColor><confidenceLevel>96</confidenceLevel><vehicleType>largeBus</vehicleType></ANPR></EventNotificationAlert>""")),
                new("licensePlatePicture.jpg", "licensePlatePicture.jpg", "image/jpeg", []),
                new("detectionPicture.jpg", "detectionPicture.jpg", "image/jpeg", scene),
            ]);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=MIME_boundary");
            using var http = new HttpClient();
            var ingest = new Uri(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);
            var response = await http.PostAsync(new Uri(ingest, "/api/v1/cameras/hikvision/cam-hik-e2e?token=e2e-token"), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            Assert.Equal(1, await platform.WaitForAsync(
                "SELECT count() FROM passages WHERE plate_no = '冀B71234' AND pictures[1] = 'missing:licensePlatePicture.jpg' AND startsWith(pictures[2], 'sha256:')", 1));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
