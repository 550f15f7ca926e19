using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Confluent.Kafka;
using DataPlatform.Ingest.GuardBooth;
using DataPlatform.Ingest.Http;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Ingest.Tests.Fuzz;

/// <summary>The real ingest role on an embedded Kafka mock cluster with one registered device of every kind that
/// has an HTTP endpoint and one guard operator, all with bearer tokens (so any body authenticates), and a
/// reader that keeps everything published on the topics the fuzz tests look at.</summary>
public sealed class FuzzHostFixture() : IngestTestHost("ingest-fuzz",
    Topics.GateRaw, Topics.DeadLetter, Topics.DeviceEvents, Topics.RegistryChanges, Topics.WorkAreaSightings, Topics.ReviewActions, Topics.EmissionReadings)
{
    public const string Token = "fuzz-token";
    public const string Camera = "cam-hik-fz";
    public const string DahuaCamera = "cam-dh-fz";
    public const string Gateway = "gw-fz";
    public const string Meter = "om-fz";
    public const string Operator = "guard-fz";

    private static readonly string[] Watched = [Topics.DeadLetter, Topics.GateRaw, Topics.DeviceEvents];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Ingest:MissingPictureAlarmCount"] = "3";
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = Operator;
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = "E1302001";
        settings["Ingest:GuardBooth:Operators:0:Token"] = Token;
        string[][] devices =
        [
            [Camera, "camera-hikvision", "G01", "L1", "1"],
            [DahuaCamera, "camera-dahua", "G02", "L2", "out"],
            [Gateway, "generic", "", "", ""],
            [Meter, "opacity-meter", "G01", "L1", ""],
        ];
        for (var i = 0; i < devices.Length; i++)
        {
            AddDevice(settings, i, devices[i][0], devices[i][1], devices[i][2], devices[i][3], devices[i][4]);
            settings[$"Ingest:Devices:{i}:Token"] = Token;
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _reader = Task.Factory.StartNew(Read, TaskCreationOptions.LongRunning);
    }

    /// <summary>Posts <paramref name="body"/> as the device (or operator) the endpoint expects, with its token.</summary>
    public async Task<HttpResponseMessage> PostAsync(FuzzEndpoint endpoint, byte[] body, string? contentType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base, endpoint.Path)) { Content = new ByteArrayContent(body) };
        if (MediaTypeHeaderValue.TryParse(contentType ?? endpoint.ContentType, out var type)) request.Content.Headers.ContentType = type;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (endpoint.Who is { } who) request.Headers.Add(who.Header, who.Id);
        return await Http.SendAsync(request);
    }

    /// <summary>Everything read so far from <paramref name="topic"/> that <paramref name="decode"/> understands.</summary>
    public IEnumerable<T> Seen<T>(string topic, Func<byte[], T?> decode) where T : class =>
        _seen.GetOrAdd(topic, _ => new()).Select(v => Try(decode, v)).OfType<T>();

    /// <summary>Polls until a record of <paramref name="topic"/> satisfies <paramref name="match"/> (or 30 s).</summary>
    public async Task<T> WaitForAsync<T>(string topic, Func<byte[], T?> decode, Func<T, bool> match) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Seen(topic, decode).FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"no matching record on {topic}");
    }

    private static T? Try<T>(Func<byte[], T?> decode, byte[] value) where T : class
    {
        try { return decode(value); }
        catch (Exception) { return null; }
    }

    private void Read()
    {
        var config = Kafka.CreateConsumerConfig("fuzz-" + Guid.NewGuid());
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(Watched);
        while (!_stop.IsCancellationRequested)
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message.Value: { } value } result)
                _seen.GetOrAdd(result.Topic, _ => new()).Enqueue(value);
        consumer.Close();
    }

    public override async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null) await _reader;
        await base.DisposeAsync();
    }
}

/// <summary>One HTTP endpoint of ingest as the fuzz tests call it: its path, who calls it (header and id; the URL
/// names cameras and meters) and the body it expects, as a template (see <see cref="FuzzBodies"/>).</summary>
public sealed record FuzzEndpoint(string Name, string Path, (string Header, string Id)? Who, string ContentType, string Template)
{
    public override string ToString() => Name;

    private static readonly (string, string) Device = (DevicePushes.DeviceIdHeader, FuzzHostFixture.Gateway);
    private static readonly (string, string) Guard = (GuardOperators.OperatorIdHeader, FuzzHostFixture.Operator);

    private const string GateEvent = """
        {"eventId":"fz-{n}","enterpriseId":"E1302001","gateId":"G01","laneId":"L1","direction":{num},"passTime":"{time}",
         "plateNo":"{text}","plateColor":"yellow","confidence":{num},"vehicleType":"H11","deviceId":"gw-fz","pictures":[],"{name}":1}
        """;

    public static IReadOnlyList<FuzzEndpoint> All { get; } =
    [
        new("gate-events", "/api/v1/gate-events", Device, "application/json", GateEvent),
        new("work-area-sightings", "/api/v1/work-area/sightings", Device, "application/json", GateEvent),
        new("hikvision", $"/api/v1/cameras/hikvision/{FuzzHostFixture.Camera}", null, "application/xml",
            Fixtures.HikvisionXml(plate: "{text}", dateTime: "{time}", confidence: "{num}").Replace("<line>1</line>", "<line>1</line><{name}>1</{name}>")),
        new("dahua", $"/api/v1/cameras/dahua/{FuzzHostFixture.DahuaCamera}", null, "application/json",
            """{"Picture":{"Plate":{"PlateNumber":"{text}","PlateColor":"Yellow","Confidence":{num}},"SnapInfo":{"DeviceID":"cam-dh-fz","AccurateTime":"{time}","Direction":"Obverse","LanNo":{num},"{name}":1}}}"""),
        new("dahua-tollgate", "/NotificationInfo/TollgateInfo", (DevicePushes.DeviceIdHeader, FuzzHostFixture.DahuaCamera), "application/json",
            """{"Picture":{"Plate":{"PlateNumber":"{text}","PlateColor":"Yellow","Confidence":{num}},"SnapInfo":{"DeviceID":"cam-dh-fz","SnapTime":"{time}","Direction":"Reverse"},"{name}":{}}}"""),
        new("dahua-keepalive", "/NotificationInfo/KeepAlive", (DevicePushes.DeviceIdHeader, FuzzHostFixture.DahuaCamera), "application/json",
            """{"Active":{num},"DeviceID":"{text}","{name}":"{time}"}"""),
        new("heartbeat", $"/api/v1/devices/{FuzzHostFixture.Camera}/heartbeat", null, "application/json", """{"at":"{time}","n":{num},"{name}":"{text}"}"""),
        new("opacity", $"/api/v1/emission/opacity/{FuzzHostFixture.Meter}", null, "application/json",
            """{"readingId":"om-{n}","plateNo":"{text}","measuredAt":"{time}","opacityPercent":{num},"absorptionCoefficient":{num},"{name}":"x"}"""),
        new("in-plant-vehicles", "/api/v1/guard-booth/in-plant-vehicles", Guard, "application/json",
            """{"registrationCode":"FZ-{n}","vin":"{text}","productionDate":"{time}","fuel":"柴油","stage":"国六","owner":"某公司","{name}":"{num}"}"""),
        new("non-road-machinery", "/api/v1/guard-booth/non-road-machinery", Guard, "application/json",
            """{"registrationCode":"NR-{n}","pin":"{text}","machineryKind":"装载机","stage":"国三","fuel":"柴油","owner":"o","productionDate":"{time}","{name}":"{num}"}"""),
        new("manual-passages", "/api/v1/guard-booth/manual-passages", Guard, "application/json",
            """{"gateId":"G01","laneId":"L1","direction":{num},"passTime":"{time}","plateNo":"{text}","note":"{name}"}"""),
        new("reviews", "/api/v1/guard-booth/reviews", Guard, "application/json",
            """{"actionId":"rv-{n}","passageId":"{text}","action":"correct","requestedAt":"{time}","reason":"核对","plateNo":"冀B88880","{name}":{num}}"""),
    ];
}
