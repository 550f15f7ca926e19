using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Pictures;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests;

/// <summary>The real ingest role with two guard-booth operators (token and HMAC) on an embedded Kafka.</summary>
public sealed class GuardBoothHostFixture() : IngestTestHost("guard-booth-tests",
    Topics.GateRaw, Topics.DeadLetter, Topics.RegistryChanges, Topics.WorkAreaSightings, Topics.ReviewActions, Topics.DeviceEvents)
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Ingest:AuthAlarmIntervalSeconds"] = "0";
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = "guard-01";
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = "E1302001";
        settings["Ingest:GuardBooth:Operators:0:Name"] = "1号门岗 张三";
        settings["Ingest:GuardBooth:Operators:0:Token"] = "guard-token";
        settings["Ingest:GuardBooth:Operators:1:OperatorId"] = "guard-02";
        settings["Ingest:GuardBooth:Operators:1:HmacSecret"] = "guard-secret";
    }

    /// <summary>Reads <paramref name="topic"/> from the start until <paramref name="done"/> holds for what was read (or 20 s).</summary>
    public List<T> ReadAll<T>(string topic, Func<byte[], T?> decode, Func<List<T>, bool> done) where T : class
    {
        var config = Kafka.CreateConsumerConfig("test-" + Guid.NewGuid());
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var found = new List<T>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !done(found))
            if (consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message?.Value is { } value && decode(value) is { } item) found.Add(item);
        return found;
    }
}

public sealed class GuardBoothTests(GuardBoothHostFixture host) : IClassFixture<GuardBoothHostFixture>
{
    private Task<HttpResponseMessage> Post(string path, string json, string? operatorId = "guard-01", string? token = "guard-token")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Base, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (operatorId is not null) request.Headers.Add(GuardOperators.OperatorIdHeader, operatorId);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return host.Http.SendAsync(request);
    }

    private static RegistryChange? Change(byte[] bytes) => RegistryChange.FromJson(bytes);

    [Fact]
    public async Task A_machine_is_registered_with_its_pictures_stored_and_the_operator_recorded()
    {
        var nameplate = Convert.ToBase64String(Jpeg(31));
        var response = await Post(GuardBoothEndpoints.NonRoadPath, $$"""
            {"registrationCode":"GB-NR-77","pin":"PIN-77","machineryKind":"装载机","stage":"国三","fuel":"柴油",
             "owner":"某港口公司","plateNo":"冀B·N7701","nameplateImage":"{{nameplate}}"}
            """);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var change = host.ReadAll(Topics.RegistryChanges, Change, l => l.Any(c => c.RecordKey == "GB-NR-77")).Single(c => c.RecordKey == "GB-NR-77");
        Assert.Equal(("non-road", "E1302001", "guard-01", "guard-booth"), (change.Register, change.EnterpriseId, change.OperatorId, change.Source));
        Assert.Equal(("3", "B", "loader", "冀BN7701"), (change.Fields["stage"], change.Fields["fuel"], change.Fields["machineryKind"], change.Fields["plateNo"]));
        Assert.Equal(PictureRef.Of(Jpeg(31)), change.Fields["nameplateImage"]);
        Assert.True(await host.Host.Services.GetRequiredService<IPictureStore>().ExistsAsync(change.Fields["nameplateImage"], default));
    }

    [Fact]
    public async Task Invalid_input_gets_400_with_a_chinese_reason_and_a_dead_letter()
    {
        var response = await Post(GuardBoothEndpoints.InPlantPath,
            """{"registrationCode":"CN-9","fuel":"柴油","stage":"D","owner":"某公司"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("electric_stage_fuel", body.GetProperty("error").GetString());
        Assert.Contains("电动", body.GetProperty("reason").GetString());
        var id = body.GetProperty("rejectionId").GetGuid();
        var letter = host.ReadAll(Topics.DeadLetter, b => DeadLetter.FromJson(b), l => l.Any(x => x.Id == id)).Single(l => l.Id == id);
        Assert.Equal(("electric_stage_fuel", "guard:guard-01"), (letter.ReasonCode, letter.Source));
        Assert.Contains("CN-9", Encoding.UTF8.GetString(letter.Payload));

        var picture = await Post(GuardBoothEndpoints.NonRoadPath,
            """{"registrationCode":"X1","pin":"P","machineryKind":"loader","stage":"3","fuel":"B","owner":"o","labelImage":"aGVsbG8="}""");
        Assert.Equal(HttpStatusCode.BadRequest, picture.StatusCode);
        Assert.Contains("invalid_picture", await picture.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_without_a_valid_operator_credential_get_401()
    {
        var json = """{"registrationCode":"CN-1","fuel":"B","stage":"5","owner":"o"}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(GuardBoothEndpoints.InPlantPath, json, token: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(GuardBoothEndpoints.InPlantPath, json, operatorId: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(GuardBoothEndpoints.InPlantPath, json, operatorId: "intruder")).StatusCode);
        // An operator bound to one enterprise cannot register for another.
        var other = await Post(GuardBoothEndpoints.InPlantPath, """{"enterpriseId":"E9","registrationCode":"CN-1","fuel":"B","stage":"5","owner":"o"}""");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task An_hmac_signed_operator_may_register()
    {
        var json = """{"enterpriseId":"E1302002","registrationCode":"HM-1","fuel":"C","stage":"D","owner":"某公司","plateNo":"冀B12345D"}""";
        var bytes = Encoding.UTF8.GetBytes(json);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Base, GuardBoothEndpoints.InPlantPath)) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add(GuardOperators.OperatorIdHeader, "guard-02");
        request.Headers.Add(HmacSignature.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(HmacSignature.SignatureHeader, HmacSignature.Compute("guard-secret", "guard-02", ts, bytes));
        Assert.Equal(HttpStatusCode.Accepted, (await host.Http.SendAsync(request)).StatusCode);
        Assert.Contains(host.ReadAll(Topics.RegistryChanges, Change, l => l.Any(c => c.RecordKey == "HM-1")), c => c.RecordKey == "HM-1" && c.OperatorId == "guard-02");
    }

    [Fact]
    public async Task A_manual_passage_becomes_a_gate_event_of_the_operator_and_is_audited_once()
    {
        var time = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddMinutes(-3).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var json = $$"""{"gateId":"G03","laneId":"L1","direction":1,"passTime":"{{time}}","plateNo":"冀B66M01","plateColor":"yellow","note":"摄像机未抓拍"}""";
        var first = await Post(GuardBoothEndpoints.ManualPassagePath, json);
        var again = await Post(GuardBoothEndpoints.ManualPassagePath, json);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var eventId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("eventId").GetString();
        Assert.Equal(eventId, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("eventId").GetString());

        var e = host.ReadAll(Topics.GateRaw, b => GateEventCodec.Parse(b, DateTimeOffset.UtcNow).Event, l => l.Count(x => x.EventId == eventId) >= 2).First(x => x.EventId == eventId);
        Assert.Equal(("guard:guard-01", "E1302001", "冀B66M01", Direction.In), (e.DeviceId, e.EnterpriseId, e.Plate.Text, e.Direction));
        var audits = host.ReadAll(Topics.RegistryChanges, Change, l => l.Count(c => c.RecordKey == eventId) >= 2).Where(c => c.RecordKey == eventId).ToList();
        Assert.Equal(2, audits.Count); // posted twice …
        Assert.Single(audits.Select(a => a.ChangeId).Distinct()); // … one audit id, written once downstream
        Assert.Equal("摄像机未抓拍", audits[0].Fields["note"]);

        var bad = await Post(GuardBoothEndpoints.ManualPassagePath, json.Replace("冀B66M01", "冀I12345"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("人工补录", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_work_area_sighting_goes_to_its_own_topic_never_to_gate_raw()
    {
        var time = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var json = $$"""{"eventId":"wa-sight-1","enterpriseId":"E1302001","gateId":"WA01","laneId":"L1","direction":1,"passTime":"{{time}}","plateNo":"冀BJ0042","plateColor":"yellow"}""";
        var response = await host.Http.PostAsync(new Uri(host.Base, WorkAreaSightingEndpoint.Path), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var seen = host.ReadAll(Topics.WorkAreaSightings, b => GateEventCodec.Parse(b, DateTimeOffset.UtcNow).Event, l => l.Any(e => e.EventId == "wa-sight-1"));
        Assert.Contains(seen, e => e.EventId == "wa-sight-1" && e.Plate.Text == "冀BJ0042");
        Assert.DoesNotContain(host.ReadAll(Topics.GateRaw, b => GateEventCodec.Parse(b, DateTimeOffset.UtcNow).Event, l => l.Any(e => e.EventId == "wa-sight-1")),
            e => e.EventId == "wa-sight-1");
        var bad = await host.Http.PostAsync(new Uri(host.Base, WorkAreaSightingEndpoint.Path), new StringContent(json.Replace("冀BJ0042", "冀I00042"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_review_is_recorded_under_the_authenticated_operator_and_impersonation_is_refused_with_an_alarm()
    {
        const string passage = "6f1c2c8e-2a7b-4c43-9a55-0d2a1b3c4d5e";
        string Review(string actionId, string extra = "") =>
            $$"""{"actionId":"{{actionId}}","passageId":"{{passage}}","action":"correct","requestedAt":"2026-11-28T09:59:00+08:00","reason":"现场核对行驶证","plateNo":"冀B88880" """ + extra + "}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(GuardBoothReviewEndpoint.Path, Review("rv-401"), token: "guard-tokem")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(GuardBoothReviewEndpoint.Path, Review("rv-401b"), operatorId: "guard-02")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(GuardBoothReviewEndpoint.Path, Review("rv-403", ",\"operator\":\"guard-02\""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(GuardBoothReviewEndpoint.Path, "{\"actionId\":\"x\"}")).StatusCode);
        var accepted = await Post(GuardBoothReviewEndpoint.Path, Review("rv-202", ",\"source\":\"cli\",\"operatorName\":\"李四\""));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var actions = host.ReadAll(Topics.ReviewActions, b => ReviewActionMessage.Parse(b).Action, l => l.Any(a => a.ActionId == "rv-202"));
        var action = Assert.Single(actions);
        Assert.Equal(("guard-01", "1号门岗 张三", "guard-booth:guard-01", "E1302001"), (action.Operator, action.OperatorName, action.Source, action.EnterpriseId));
        var alarms = host.ReadAll(Topics.DeviceEvents, b => DeviceEvent.FromJson(b), l => l.Any(e => e.DeviceId == "guard:guard-02")
            && l.Any(e => e.DeviceId == "guard:guard-01" && e.Message.Contains("guard-02", StringComparison.Ordinal)));
        Assert.Contains(alarms, e => e.Kind == DeviceEventKinds.AuthFailed && e.DeviceId == "guard:guard-02");
        Assert.Contains(alarms, e => e.Kind == DeviceEventKinds.AuthFailed && e.DeviceId == "guard:guard-01" && e.Message.Contains("guard-02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_register_request_raises_an_operator_alarm()
    {
        var response = await Post(GuardBoothEndpoints.InPlantPath, "{}", operatorId: "guard-99", token: "whatever");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var alarms = host.ReadAll(Topics.DeviceEvents, b => DeviceEvent.FromJson(b), l => l.Any(e => e.DeviceId == "guard:guard-99"));
        Assert.Contains(alarms, e => e.Kind == DeviceEventKinds.AuthFailed && e.DeviceId == "guard:guard-99");
    }
}
