using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Engines.Kafka;
using DataPlatform.Gate;
using DataPlatform.Ingest;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Http;
using DataPlatform.Simulation;
using DataPlatform.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Benchmarks;

/// <summary>One adapter's (or all adapters') throughput into Kafka and the same records produced raw.</summary>
public sealed record AdapterRun(string Adapter, int Events, TimeSpan Elapsed, TimeSpan Raw, int Failed)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;

    public double RawPerSecond => Events / Raw.TotalSeconds;

    /// <summary>Adapter throughput as a share of raw producing: 1 means the adapter costs nothing.</summary>
    public double Ratio => PerSecond / RawPerSecond;
}

/// <summary>
/// (5) Device adapters into Kafka: the ingest role alone (as distributed runs it: acks=all, no journal) on the
/// embedded Kafka, fed over its real protocols — Hikvision ISAPI XML and Dahua ITC JSON camera pushes, the generic
/// JSON gate event, smoke-opacity meter JSON, and XK3190 weighbridge frames over TCP — one adapter at a time, then
/// all at once. An adapter's time runs from its first send until Kafka holds every record it produced. The raw
/// baseline reads exactly those records back (same keys and bytes) and produces them to a fresh topic with the
/// ingest producer's settings; the ratio adapter/raw is what validating, authenticating and HTTP or TCP cost.
/// </summary>
public static class AdapterBenchmark
{
    public const int Concurrency = 64;
    private const string Token = "bench-token";
    private static readonly SimulationProfile Plant = SimulationProfile.Default with { DuplicateShare = 0, MalformedShare = 0 };

    private sealed record Adapter(string Name, string Topic, Func<CancellationToken, Task<int>> Send, int Events);

    public static async Task<IReadOnlyList<AdapterRun>> RunAsync(int events, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"== (5) Device adapters into Kafka: {events:N0} events per adapter, HTTP {Concurrency} at a time ==");
        var kafkaOptions = new EmbeddedKafkaOptions();
        foreach (var (topic, partitions) in Topics.DefaultPartitions) kafkaOptions.Topics[topic] = partitions;
        using var kafka = EmbeddedKafka.Start(kafkaOptions);
        using var host = await StartIngestAsync(kafka, ct);
        try
        {
            var ingest = new Uri(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);
            var scale = host.Services.GetRequiredService<TcpListenerDirectory>().EndpointOf(SimulatedPlant.WeighbridgeId)!;
            using var http = new HttpClient();
            var adapters = Adapters(http, ingest, scale, events);

            // Warm-up outside the clock: JIT, connections, the producer's first metadata round.
            foreach (var warm in Adapters(http, ingest, scale, 50)) await MeasureAsync(kafka, warm, ct);

            var runs = new List<AdapterRun>();
            var collected = new List<(string Topic, List<Message<string, byte[]>> Records)>();
            foreach (var adapter in adapters)
            {
                var (elapsed, failed, records) = await MeasureAsync(kafka, adapter, ct);
                var raw = await ProduceRawAsync(kafka, [(adapter.Topic, records)], ct);
                var run = new AdapterRun(adapter.Name, adapter.Events, elapsed, raw, failed);
                runs.Add(run);
                collected.Add((adapter.Topic, records));
                Print(output, run);
            }

            // All together: every adapter sends its events again at once.
            var together = Adapters(http, ingest, scale, events);
            var topics = together.Select(a => a.Topic).Distinct().ToList();
            var before = topics.ToDictionary(t => t, t => HighWatermark(kafka, t));
            var clock = Stopwatch.StartNew();
            var failures = await Task.WhenAll(together.Select(a => a.Send(ct)));
            foreach (var topic in topics)
                await WaitForAsync(kafka, topic, before[topic] + together.Select((a, i) => a.Topic == topic ? a.Events - failures[i] : 0).Sum(), ct);
            var all = new AdapterRun("all adapters together", together.Sum(a => a.Events), clock.Elapsed,
                await ProduceRawAsync(kafka, collected, ct), failures.Sum());
            runs.Add(all);
            Print(output, all);
            output.WriteLine();
            PrintTable(output, runs);
            return runs;
        }
        finally
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static void Print(TextWriter output, AdapterRun run) =>
        output.WriteLine($"{run.Adapter,-28} {run.PerSecond,10:N0} events/s   raw {run.RawPerSecond,10:N0} msg/s   ratio {run.Ratio:F3}" +
                         (run.Failed > 0 ? $"   FAILED {run.Failed}" : ""));

    private static void PrintTable(TextWriter output, IReadOnlyList<AdapterRun> runs)
    {
        output.WriteLine("| Adapter → Kafka | events | adapter events/s | raw produce msg/s | ratio adapter/raw |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var r in runs)
            output.WriteLine($"| {r.Adapter} | {r.Events:N0} | {r.PerSecond:N0} | {r.RawPerSecond:N0} | {r.Ratio:F3} |");
        output.WriteLine();
    }

    private static async Task<(TimeSpan Elapsed, int Failed, List<Message<string, byte[]>> Records)> MeasureAsync(
        EmbeddedKafka kafka, Adapter adapter, CancellationToken ct)
    {
        var before = Watermarks(kafka, adapter.Topic);
        var clock = Stopwatch.StartNew();
        var failed = await adapter.Send(ct);
        await WaitForAsync(kafka, adapter.Topic, before.Sum() + adapter.Events - failed, ct);
        var elapsed = clock.Elapsed;
        return (elapsed, failed, Read(kafka, adapter.Topic, before, Watermarks(kafka, adapter.Topic)));
    }

    private static IReadOnlyList<Adapter> Adapters(HttpClient http, Uri ingest, System.Net.IPEndPoint scale, int events)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var random = new Random(events);
        var plates = Enumerable.Range(0, events).Select(_ => SimulatedPlates.Ordinary(random, '冀')).ToArray();
        string ChinaIso(int i) => ChinaTime.From(start.AddMilliseconds(i * 250L + events)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        string DahuaTime(int i) => ChinaTime.From(start.AddMilliseconds(i * 250L + events)).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

        var hikvision = Enumerable.Range(0, events).Select(i => Encoding.UTF8.GetBytes(HikvisionXml(plates[i], ChinaIso(i)))).ToArray();
        var dahua = Enumerable.Range(0, events).Select(i => Encoding.UTF8.GetBytes(DahuaJson(plates[i], DahuaTime(i)))).ToArray();
        var generator = new GateEventGenerator(Plant, events);
        var generic = Enumerable.Range(0, events).Select(i => generator.Next(start.AddMilliseconds(i * 250L))).ToArray();
        var opacity = Enumerable.Range(0, events).Select(i => JsonSerializer.SerializeToUtf8Bytes(new
        {
            readingId = $"bench-{events}-{i}", plateNo = plates[i], plateColor = "yellow", measuredAt = ChinaIso(i),
            opacityPercent = Math.Round(10 + random.NextDouble() * 40, 1), absorptionCoefficient = Math.Round(0.2 + random.NextDouble(), 2),
            method = "free-acceleration",
        })).ToArray();
        var weighings = Enumerable.Range(0, events)
            .Select(i => new SimulatedWeighing(SimulatedPlant.WeighbridgeId, plates[i], 10_000m + 20m * (i % 1500), true, "煤", start)).ToArray();

        var meter = SimulatedPlant.OpacityMeterId(Plant.Gates[0]);
        return
        [
            new("Hikvision ISAPI XML (HTTP)", Topics.GateRaw, ct => PostAllAsync(http, new Uri(ingest, "/api/v1/cameras/hikvision/bench-hik"), hikvision, "application/xml", null, ct), events),
            new("Dahua ITC JSON (HTTP)", Topics.GateRaw, ct => PostAllAsync(http, new Uri(ingest, "/api/v1/cameras/dahua/bench-dh"), dahua, "application/json", null, ct), events),
            new("generic JSON (HTTP)", Topics.GateRaw, ct => PostAllAsync(http, new Uri(ingest, GateEventEndpoint.Path), generic.Select(p => p.Body).ToArray(), "application/json", generic.Select(p => p.DeviceId).ToArray(), ct), events),
            new("opacity meter JSON (HTTP)", Topics.EmissionReadings, ct => PostAllAsync(http, new Uri(ingest, EmissionEndpoints.OpacityPath.Replace("{deviceId}", meter, StringComparison.Ordinal)), opacity, "application/json", null, ct), events),
            new("XK3190 '=' frames (TCP)", Topics.Weighings, async ct =>
            {
                await using var link = new WeighbridgeLink(scale, TcpProtocol.Xk3190Equals, Plant.EnterpriseId);
                foreach (var w in weighings) await link.WeighAsync(w, ct);
                await link.DisconnectAsync(ct);
                return 0;
            }, events),
        ];
    }

    /// <summary>Posts every body, <see cref="Concurrency"/> at a time; returns how many were not accepted.</summary>
    private static async Task<int> PostAllAsync(HttpClient http, Uri target, byte[][] bodies, string contentType, string[]? deviceIds, CancellationToken ct)
    {
        var failed = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(bodies[i]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
                request.Headers.Add(DevicePushes.DeviceTokenHeader, Token);
                if (deviceIds is not null) request.Headers.Add(DevicePushes.DeviceIdHeader, deviceIds[i]);
                using var response = await http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
        }));
        return failed;
    }

    private static async Task<TimeSpan> ProduceRawAsync(EmbeddedKafka kafka, IReadOnlyList<(string Topic, List<Message<string, byte[]>> Records)> sets, CancellationToken ct)
    {
        var targets = sets.Select(s => (Topic: $"bench.raw.{Guid.NewGuid():N}", s.Topic, s.Records)).ToList();
        foreach (var t in targets) kafka.CreateTopic(t.Topic, Topics.DefaultPartitions[t.Item2]);
        using var producer = new ProducerBuilder<string, byte[]>(new KafkaOptions { BootstrapServers = kafka.BootstrapServers }.Producer("raw")).Build();
        // Metadata for the new topics outside the clock, as the adapters' producer already had it.
        foreach (var t in targets) await producer.ProduceAsync(t.Topic, new Message<string, byte[]> { Key = "warm", Value = [] }, ct);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(targets.SelectMany(t => t.Records.Select(m => producer.ProduceAsync(t.Topic, m, ct))));
        return clock.Elapsed;
    }

    private static async Task<IHost> StartIngestAsync(EmbeddedKafka kafka, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(SimulatedPlant.DeviceSettings(Plant, Token, "127.0.0.1:0"))
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:MockCluster"] = "true",
            ["Ingest:Urls"] = "http://127.0.0.1:0",
            ["Ingest:PictureDirectory"] = Scratch.Create("adapter-pictures"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var index = SimulatedPlant.NextDeviceIndex(settings);
        void Camera(string id, string kind, string gate, string lane, string direction)
        {
            foreach (var (key, value) in new[] { ("DeviceId", id), ("Kind", kind), ("EnterpriseId", Plant.EnterpriseId), ("GateId", gate), ("LaneId", lane), ("Direction", direction), ("Token", Token) })
                settings[string.Create(CultureInfo.InvariantCulture, $"Ingest:Devices:{index}:{key}")] = value;
            index++;
        }
        Camera("bench-hik", "camera-hikvision", "G01", "L1", "1");
        Camera("bench-dh", "camera-dahua", "G02", "L2", "2");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIngest();
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    private static long[] Watermarks(EmbeddedKafka kafka, string topic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(kafka.CreateConsumerConfig("bench-watermarks")).Build();
        return [.. Enumerable.Range(0, Topics.DefaultPartitions[topic])
            .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value)];
    }

    private static long HighWatermark(EmbeddedKafka kafka, string topic) => Watermarks(kafka, topic).Sum();

    private static async Task WaitForAsync(EmbeddedKafka kafka, string topic, long expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (HighWatermark(kafka, topic) < expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{topic} did not reach {expected} records");
            await Task.Delay(10, ct);
        }
    }

    /// <summary>The records between two watermark snapshots, exactly as the adapter produced them.</summary>
    private static List<Message<string, byte[]>> Read(EmbeddedKafka kafka, string topic, long[] from, long[] to)
    {
        var records = new List<Message<string, byte[]>>();
        var config = kafka.CreateConsumerConfig("bench-read");
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(from.Select((offset, p) => new TopicPartitionOffset(topic, p, offset)).Where((_, p) => to[p] > from[p]));
        var wanted = to.Sum() - from.Sum();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (records.Count < wanted && DateTime.UtcNow < deadline)
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r?.Message is { } m && r.Offset.Value < to[r.Partition.Value]) records.Add(new Message<string, byte[]> { Key = m.Key, Value = m.Value });
        }
        return records;
    }

    private static string HikvisionXml(string plate, string dateTime) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
        <ipAddress>192.168.1.64</ipAddress><portNo>80</portNo><protocol>HTTP</protocol><macAddress>44:19:b6:00:00:01</macAddress>
        <channelID>1</channelID><dateTime>{dateTime}</dateTime><activePostCount>1</activePostCount><eventType>ANPR</eventType>
        <eventState>active</eventState><eventDescription>ANPR</eventDescription>
        <ANPR><country>3</country><licensePlate>{plate}</licensePlate><line>1</line><direction>forward</direction>
        <confidenceLevel>97</confidenceLevel><plateType>unknown</plateType><plateColor>yellow</plateColor><vehicleType>truck</vehicleType></ANPR>
        </EventNotificationAlert>
        """;

    private static string DahuaJson(string plate, string time) => $$$$"""
        {"Picture":{"Plate":{"PlateNumber":"{{{{plate}}}}","PlateColor":"Yellow","Confidence":90,"IsExist":true,"UploadNum":1},
         "SnapInfo":{"DeviceID":"bench-dh","AccurateTime":"{{{{time}}}}","SnapTime":"{{{{time[..19]}}}}","Direction":"Obverse","LanNo":2},
         "Vehicle":{"VehicleType":"LargeTruck","VehicleColor":"Blue","Speed":8}}}
        """;
}
