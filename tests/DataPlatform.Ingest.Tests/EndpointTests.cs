using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Pictures;
using DataPlatform.Streams;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests;

/// <summary>Few and end to end: HTTP push in, Kafka records and stored pictures out.</summary>
public sealed class EndpointTests(IngestHostFixture host) : IClassFixture<IngestHostFixture>
{
    private static GateEvent? DecodeEvent(byte[] bytes) => GateEventCodec.Parse(bytes, DateTimeOffset.UtcNow).Event;

    private static DeviceEvent? DecodeDevice(byte[] bytes) => DeviceEvent.FromJson(bytes);

    private Uri Url(string path) => new(host.Base, path);

    [Fact]
    public async Task A_hikvision_multipart_push_is_accepted_with_its_pictures_stored_once()
    {
        var plate = Jpeg(11);
        var scene = Jpeg(12, 5000);
        // A recent capture time: the codec refuses pass times more than a day ahead of the real clock.
        var time = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddMinutes(-5);
        var body = HikvisionMultipart(HikvisionXml(plate: "冀E·54321", dateTime: time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)), plate, scene);
        async Task<HttpResponseMessage> Push()
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(MultipartContentType);
            // Cameras can often only be given a URL: the token travels in the query.
            return await host.Http.PostAsync(Url($"/api/v1/cameras/hikvision/{Hikvision.DeviceId}?token=hik-token"), content);
        }

        var response = await Push();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Push()).StatusCode); // the camera re-sends: same pictures, same event id

        var e = host.WaitFor(Topics.GateRaw, DecodeEvent, e => e.Plate.Text == "冀E54321");
        Assert.Equal([PictureRef.Of(plate), PictureRef.Of(scene)], e.Pictures);
        Assert.Equal(("G01", Direction.In), (e.GateId, e.Direction));
        Assert.Equal(2, Directory.GetFiles(host.PictureDirectory, "*", SearchOption.AllDirectories).Length);
        var devices = await host.Http.GetFromJsonAsync<JsonElement>(Url("/api/v1/devices"));
        Assert.Contains(devices.EnumerateArray(), d => d.GetProperty("deviceId").GetString() == Hikvision.DeviceId && d.GetProperty("status").GetString() == "online");
    }

    [Fact]
    public async Task A_push_without_a_valid_credential_gets_401_and_raises_an_alarm()
    {
        var wrong = await host.Http.PostAsync(Url($"/api/v1/cameras/hikvision/{Hikvision.DeviceId}?token=guess"), new ByteArrayContent(Utf8(HikvisionXml())));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var unknown = await host.Http.PostAsync(Url("/api/v1/cameras/hikvision/cam-intruder"), new ByteArrayContent(Utf8(HikvisionXml())));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        // With devices registered the generic endpoint is closed too.
        var generic = await host.Http.PostAsync(Url("/api/v1/gate-events"), new ByteArrayContent(Utf8("{}")));
        Assert.Equal(HttpStatusCode.Unauthorized, generic.StatusCode);

        var alarm = host.WaitFor(Topics.DeviceEvents, DecodeDevice, a => a.Kind == DeviceEventKinds.AuthFailed && a.DeviceId == "cam-intruder");
        Assert.Contains("unknown device", alarm.Reason, StringComparison.Ordinal);
        Assert.Contains("设备认证失败", alarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_dahua_push_with_a_bad_picture_is_refused_and_kept_as_a_dead_letter()
    {
        var body = Utf8(DahuaJson(normal: Utf8("not an image"), time: DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)));
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/NotificationInfo/TollgateInfo")) { Content = new ByteArrayContent(body) };
        request.Headers.Add(HmacSignature.TimestampHeader, ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(HmacSignature.SignatureHeader, HmacSignature.Compute("dh-secret", Dahua.DeviceId, ts, body));

        var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(IngestRejectionCodes.InvalidPicture, error.GetProperty("error").GetString());
        var id = error.GetProperty("rejectionId").GetGuid();
        var letter = host.WaitFor(Topics.DeadLetter, b => DeadLetter.FromJson(b), l => l.Id == id);
        Assert.Equal((Dahua.DeviceId, IngestRejectionCodes.InvalidPicture), (letter.Source, letter.ReasonCode));
        Assert.Equal(body, letter.Payload);
    }

    [Fact]
    public async Task A_silent_device_is_reported_offline_and_a_heartbeat_brings_it_back()
    {
        // The Dahua camera has sent nothing (valid) since start: after the window it is offline.
        var offline = host.WaitFor(Topics.DeviceEvents, DecodeDevice, a => a.Kind == DeviceEventKinds.Offline && a.DeviceId == Dahua.DeviceId);
        Assert.Contains("离线", offline.Message, StringComparison.Ordinal);

        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url($"/api/v1/devices/{Dahua.DeviceId}/heartbeat"));
        request.Headers.Add(HmacSignature.TimestampHeader, ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(HmacSignature.SignatureHeader, HmacSignature.Compute("dh-secret", Dahua.DeviceId, ts, []));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(request)).StatusCode);

        var online = host.WaitFor(Topics.DeviceEvents, DecodeDevice, a => a.Kind == DeviceEventKinds.Online && a.DeviceId == Dahua.DeviceId);
        Assert.True(online.At >= offline.At);
    }
}
