using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Pictures;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests.Fuzz;

/// <summary>The reproduced device-input failures of issue 11 (each was an empty HTTP 500 that lost the payload),
/// end to end on the real ingest listener and Kafka.</summary>
public sealed class DeviceInputTests(FuzzHostFixture host) : IClassFixture<FuzzHostFixture>
{
    private static FuzzEndpoint Endpoint(string name) => FuzzEndpoint.All.Single(e => e.Name == name);

    private static string Recent(int minutesAgo = 5) =>
        DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddMinutes(-minutesAgo).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private async Task<(HttpStatusCode Status, JsonElement Answer)> PostAsync(FuzzEndpoint endpoint, byte[] body, string? contentType = null)
    {
        using var response = await host.PostAsync(endpoint, body, contentType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<DeadLetter> StoredAsync(JsonElement answer) =>
        await host.WaitForAsync(Topics.DeadLetter, b => DeadLetter.FromJson(b), l => l.Id == answer.GetProperty("rejectionId").GetGuid());

    public static TheoryData<string, bool> GuardBoothBodies => new()
    {
        { "in-plant-vehicles", true }, { "in-plant-vehicles", false }, { "non-road-machinery", true }, { "non-road-machinery", false },
        { "manual-passages", true }, { "manual-passages", false }, { "reviews", true }, { "reviews", false },
    };

    [Theory]
    [MemberData(nameof(GuardBoothBodies))]
    public async Task A_guard_booth_body_with_invalid_utf8_in_a_string_or_name_is_400_bad_json_and_kept(string name, bool inName)
    {
        var endpoint = Endpoint(name);
        byte[] invalid = [0xE5, 0x86, 0x80, 0xFF, 0x42];
        var body = FuzzBodies.Fill(endpoint.Template, Recent(), "1", inName ? "冀B12345"u8.ToArray() : invalid, inName ? invalid : "extra"u8.ToArray(), 1);

        var (status, answer) = await PostAsync(endpoint, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(RejectionCodes.BadJson, answer.GetProperty("error").GetString());
        var letter = await StoredAsync(answer);
        Assert.Equal(RejectionCodes.BadJson, letter.ReasonCode);
        Assert.Equal(body, letter.Payload);
    }

    [Fact]
    public async Task An_unknown_field_name_clipped_inside_a_surrogate_pair_still_gets_a_400_with_a_stored_rejection()
    {
        // The reason quotes the name clipped to 40 characters: here that cuts an emoji's surrogate pair in half.
        var name = Encoding.UTF8.GetBytes("冀" + string.Concat(Enumerable.Repeat("😀", 45)));
        var body = FuzzBodies.Fill(Endpoint("in-plant-vehicles").Template, Recent(), "1", "LSVAM4187C2184847"u8.ToArray(), name, 2);

        var (status, answer) = await PostAsync(Endpoint("in-plant-vehicles"), body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(RejectionCodes.InvalidField, answer.GetProperty("error").GetString());
        Assert.Equal(body, (await StoredAsync(answer)).Payload);
    }

    public static TheoryData<string, string> MaximumDates => new()
    {
        { "hikvision", "9999-12-31T23:59:59Z" }, { "hikvision", "9999-12-31T23:59:59-12:00" }, { "dahua", "9999-12-31T23:59:59Z" },
        { "dahua-tollgate", "9999-12-31 23:59:59" }, { "dahua", "0001-01-01 00:00:00" },
    };

    [Theory]
    [MemberData(nameof(MaximumDates))]
    public async Task A_camera_capture_time_at_the_ends_of_the_calendar_is_400_invalid_time_and_kept(string name, string time)
    {
        var endpoint = Endpoint(name);
        var body = FuzzBodies.Fill(endpoint.Template, time, "90", "冀B12345"u8.ToArray(), "extra"u8.ToArray(), 1);

        var (status, answer) = await PostAsync(endpoint, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(RejectionCodes.InvalidTime, answer.GetProperty("error").GetString());
        Assert.Equal(RejectionCodes.InvalidTime, (await StoredAsync(answer)).ReasonCode);
    }

    [Fact]
    public async Task A_hikvision_capture_with_an_empty_plate_picture_is_kept_with_the_picture_marked_missing_and_repeats_raise_one_alarm()
    {
        var scene = Jpeg(77, 3000);
        var hikvision = Endpoint("hikvision");
        // Three captures of different trucks; the third reaches Ingest:MissingPictureAlarmCount.
        string[] plates = ["冀B70001", "冀B70002", "冀B70003"];
        foreach (var (plate, i) in plates.Select((p, i) => (p, i)))
        {
            var body = Multipart.Write(Boundary,
            [
                new("anpr.xml", "anpr.xml", "application/xml", Utf8(HikvisionXml(plate: plate, dateTime: Recent(10 - i)))),
                new("licensePlatePicture.jpg", "licensePlatePicture.jpg", "image/jpeg", []),
                new("detectionPicture.jpg", "detectionPicture.jpg", "image/jpeg", scene),
            ]);
            Assert.Contains("Content-Length: 0\r\n", Encoding.ASCII.GetString(body), StringComparison.Ordinal);

            var (status, answer) = await PostAsync(hikvision, body, MultipartContentType);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("missing:licensePlatePicture.jpg", answer.GetProperty("missingPictures")[0].GetString());
        }

        var passage = await host.WaitForAsync(Topics.GateRaw, b => GateEventCodec.Parse(b, DateTimeOffset.UtcNow).Event, e => e.Plate.Text == "冀B70001");
        // In place, so the bridge's positional photos (车头/车身/车牌) stay where they were and the slot counts as missing.
        Assert.Equal(["missing:licensePlatePicture.jpg", PictureRef.Of(scene)], passage.Pictures);
        var alarm = await host.WaitForAsync(Topics.DeviceEvents, b => DeviceEvent.FromJson(b),
            e => e.Kind == DeviceEventKinds.PictureMissing && e.DeviceId == FuzzHostFixture.Camera);
        Assert.Contains("缺少图片", alarm.Message, StringComparison.Ordinal);
        await host.WaitForAsync(Topics.GateRaw, b => GateEventCodec.Parse(b, DateTimeOffset.UtcNow).Event, e => e.Plate.Text == "冀B70003");
        Assert.Single(host.Seen(Topics.DeviceEvents, b => DeviceEvent.FromJson(b)),
            e => e.Kind == DeviceEventKinds.PictureMissing && e.DeviceId == FuzzHostFixture.Camera);
    }

    [Fact]
    public async Task An_unexpected_exception_keeps_the_body_as_a_dead_letter_and_answers_a_json_500_with_the_rejection_id()
    {
        var barrier = host.Host.Services.GetRequiredService<IngestFaultBarrier>();
        var body = "{\"eventId\":\"boom\"}"u8.ToArray();
        var context = new DefaultHttpContext { RequestServices = host.Host.Services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/gate-events";
        context.Request.Body = new MemoryStream(body);
        context.Response.Body = new MemoryStream();

        // An endpoint that read its body and then failed in a way no endpoint expects.
        await barrier.InvokeAsync(context, async c =>
        {
            await RequestBody.ReadAsync(c.Request, 1024, c.RequestAborted);
            throw new InvalidOperationException("a bug");
        });

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var answer = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal(IngestFaultBarrier.InternalError, answer.GetProperty("error").GetString());
        Assert.Contains("a bug", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var letter = await StoredAsync(answer);
        Assert.Equal(IngestFaultBarrier.InternalError, letter.ReasonCode);
        Assert.Equal(body, letter.Payload);
    }
}
