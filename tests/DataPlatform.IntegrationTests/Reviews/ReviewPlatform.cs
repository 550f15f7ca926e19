using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Reviews;

/// <summary>Helpers of the review, publishing and exit tests: processing hosts with test settings, producers, and a
/// reader of <c>ledger.records</c>.</summary>
public static class ReviewPlatform
{
    public const string Enterprise = "E1302001";

    public static void CreateTopics(TestPlatform platform)
    {
        foreach (var topic in new[] { Topics.LedgerRecords, Topics.ReviewActions, Topics.Weighings, Topics.GateDecisions, Topics.ControlCommands })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
    }

    public static Task<IHost> StartProcessingAsync(TestPlatform platform, Dictionary<string, string?>? extra = null)
    {
        var settings = platform.Settings();
        settings["Processing:Trips:IntervalSeconds"] = "0.5";
        settings["Processing:Trips:PublishLagSeconds"] = "0";
        settings["Processing:Decisions:TripStateRefreshSeconds"] = "0.5";
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return TestPlatform.StartHostAsync(settings, PlatformRole.Processing);
    }

    /// <summary>A test's own platform with the topics created, a processing host started and a producer: what most
    /// tests of this folder start with. Disposing it disposes the producer, then the host, then the platform.</summary>
    public sealed class ProcessingRun(TestPlatform platform, IHost host, IProducer<string, byte[]> producer) : IAsyncDisposable
    {
        public static async Task<ProcessingRun> StartAsync(EnginesFixture engines, Dictionary<string, string?>? extra = null)
        {
            var platform = TestPlatform.Create(engines);
            try
            {
                CreateTopics(platform);
                var host = await StartProcessingAsync(platform, extra);
                return new ProcessingRun(platform, host, ReviewPlatform.Producer(platform));
            }
            catch
            {
                await platform.DisposeAsync();
                throw;
            }
        }

        public void Deconstruct(out TestPlatform platform, out IHost host, out IProducer<string, byte[]> producer) =>
            (platform, host, producer) = (Platform, Host, Producer);

        public TestPlatform Platform => platform;

        public IHost Host => host;

        public IProducer<string, byte[]> Producer => producer;

        public async ValueTask DisposeAsync()
        {
            producer.Dispose();
            host.Dispose();
            await platform.DisposeAsync();
        }
    }

    public static IProducer<string, byte[]> Producer(TestPlatform platform)
    {
        var config = platform.Kafka.CreateProducerConfig();
        config.Acks = Acks.All;
        return new ProducerBuilder<string, byte[]>(config).Build();
    }

    public static GateEvent Event(string eventId, string plate, Direction direction, DateTimeOffset time, double? confidence = 0.97,
        string lane = "L1", string gate = "G01") => new(
        eventId, Enterprise, gate, lane, direction, time, PlateNumber.Parse(plate), PlateColor.Yellow,
        confidence, VehicleType.Parse("H11"), "cam-01", []);

    public static Task SendAsync(IProducer<string, byte[]> producer, GateEvent e) =>
        producer.ProduceAsync(Topics.GateRaw, new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });

    /// <summary>A reading of weighbridge WB1 of <paramref name="plate"/> at <paramref name="time"/>, received
    /// <paramref name="receivedAfter"/> later (a second unless given).</summary>
    public static WeighingMessage Weighing(
        string id, string plate, DateTimeOffset time, decimal kg, WeighingKind kind, string? cargo, TimeSpan? receivedAfter = null) =>
        new("wb-dev-1", time + (receivedAfter ?? TimeSpan.FromSeconds(1)),
            new WeighingEvent(id, Enterprise, "WB1", time, kg, kind, "T-" + id, cargo, PlateNumber.Parse(plate)));

    public static Task SendAsync(IProducer<string, byte[]> producer, WeighingMessage m) =>
        producer.ProduceAsync(m.Topic, new Message<string, byte[]> { Key = m.Key, Value = DeviceMessageCodec.Encode(m) });

    public static Task SendAsync(IProducer<string, byte[]> producer, ReviewActionMessage action) =>
        producer.ProduceAsync(Topics.ReviewActions, new Message<string, byte[]> { Key = action.Key, Value = action.ToJson() });

    /// <summary>Recent whole seconds: trip pairing and exit states look at a window ending now.</summary>
    public static DateTimeOffset RecentChinaTime(TimeSpan ago)
    {
        var t = DateTimeOffset.UtcNow - ago;
        return ChinaTime.From(t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond)));
    }

    public sealed record Record(string Kind, Guid RecordId, ulong Version, string Key, JsonElement Json);

    /// <summary>Reads ledger.records from the start until <paramref name="until"/> holds and the topic stayed quiet
    /// for <paramref name="quiet"/> (late duplicates would show), or the time is up.</summary>
    public static List<Record> ReadRecords(TestPlatform platform, Func<List<Record>, bool> until, TimeSpan within, TimeSpan? quiet = null)
    {
        var config = platform.Kafka.CreateConsumerConfig("test-records-" + Guid.NewGuid().ToString("N"));
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, Topics.DefaultPartitions[Topics.LedgerRecords])
            .Select(p => new TopicPartitionOffset(Topics.LedgerRecords, p, Offset.Beginning)));
        var records = new List<Record>();
        var deadline = DateTime.UtcNow + within;
        var idleSince = DateTime.UtcNow;
        var calm = quiet ?? TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < deadline && (!until(records) || DateTime.UtcNow - idleSince < calm))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message is not { } m) continue;
            idleSince = DateTime.UtcNow;
            var json = JsonDocument.Parse(Encoding.UTF8.GetString(m.Value)).RootElement.Clone();
            records.Add(new Record(json.GetProperty("kind").GetString()!, json.GetProperty("recordId").GetGuid(),
                json.GetProperty("version").GetUInt64(), m.Key, json));
        }
        consumer.Close();
        return records;
    }
}
