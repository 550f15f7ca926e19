using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Trips;
using DataPlatform.Processing.Weighings;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Trips;

/// <summary>Weighings ledger, trips job and ledger.records on the real engines, with the processing role only.</summary>
[Collection(EnginesCollection.Name)]
public sealed class TripsLedgerTests(EnginesFixture engines)
{
    private const string Enterprise = "E1302001";
    private const string Plate = "冀B12345";

    [Fact]
    public async Task Entry_exit_and_gross_tare_weighings_become_one_closed_trip_published_once_per_record()
    {
        await using var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.Weighings, Topics.DefaultPartitions[Topics.Weighings]);
        platform.Kafka.CreateTopic(Topics.LedgerRecords, Topics.DefaultPartitions[Topics.LedgerRecords]);
        using var host = await StartProcessingAsync(platform);
        using var producer = Producer(platform);

        // Recent times: the job pairs a sliding window ending now.
        var entry = ChinaTime.From(DateTimeOffset.UtcNow.AddHours(-2)).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        var exit = entry.AddHours(1);
        await SendEventAsync(producer, Event("trip-in-1", Direction.In, entry));
        await SendEventAsync(producer, Event("trip-out-1", Direction.Out, exit));
        var gross = Weighing("wb-gross-1", entry.AddMinutes(10), 49_000m, WeighingKind.Gross, "煤炭");
        var tare = Weighing("wb-tare-1", entry.AddMinutes(40), 15_500m, WeighingKind.Tare, null);
        // Each weighing twice: a redelivery must not become a second row.
        foreach (var w in new[] { gross, tare, gross, tare }) await SendWeighingAsync(producer, w);

        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM weighings", 2));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM passages", 2));
        // A run between the passages and the weighings writes the trip without weights first; the next run rewrites it.
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM trips FINAL WHERE status = 'closed' AND net_kg = 33500", 1));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM trips FINAL"));
        Assert.Equal(2, await platform.ScalarAsync("SELECT count() FROM weighings"));

        var entryId = PassageIdentity.For(Enterprise, "G01", "trip-in-1");
        var tripId = TripIdentity.For(entryId);
        using (var reader = await platform.Client.ExecuteReaderAsync(
                   "SELECT trip_id, entry_passage_id, exit_passage_id, net_kg, gross_kg, tare_kg, cargo_name, load, plate_no, plate_color, length(weighing_ids) FROM trips FINAL"))
        {
            Assert.True(reader.Read());
            Assert.Equal(tripId, reader.GetGuid(0));
            Assert.Equal(entryId, reader.GetGuid(1));
            Assert.Equal(PassageIdentity.For(Enterprise, "G01", "trip-out-1"), (Guid)reader.GetValue(2));
            Assert.Equal(33_500, Convert.ToInt32(reader.GetValue(3)));
            Assert.Equal(49_000, Convert.ToInt32(reader.GetValue(4)));
            Assert.Equal(15_500, Convert.ToInt32(reader.GetValue(5)));
            Assert.Equal("煤炭", reader.GetString(6));
            Assert.Equal("inbound", reader.GetString(7));
            Assert.Equal(Plate, reader.GetString(8));
            Assert.Equal("yellow", reader.GetString(9));
            Assert.Equal(2, Convert.ToInt32(reader.GetValue(10)));
        }

        // Re-running the job changes nothing: no new trip version, no duplicate row even before a merge.
        var job = host.Services.GetRequiredService<TripJob>();
        var rows = await platform.ScalarAsync("SELECT count() FROM trips");
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Trips);
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Trips);
        Assert.Equal(rows, await platform.ScalarAsync("SELECT count() FROM trips"));

        // ledger.records: both passages and the closed trip, keyed enterprise/gate, ids as in the ledger.
        var records = ReadRecords(platform, 3, TimeSpan.FromSeconds(60));
        Assert.Equal(
            new[] { ("passage", entryId), ("passage", PassageIdentity.For(Enterprise, "G01", "trip-out-1")), ("trip", tripId) }
                .OrderBy(x => x.Item2).ToArray(),
            records.Select(r => (r.Kind, r.RecordId)).Distinct().OrderBy(x => x.RecordId).ToArray());
        // The newest version of the trip carries the weights (an earlier, weightless version may precede it).
        var trip = records.Where(r => r.Kind == "trip").MaxBy(r => r.Json.GetProperty("version").GetUInt64())!;
        Assert.Equal(33_500, trip.Json.GetProperty("netKg").GetInt32());
        Assert.Equal("煤炭", trip.Json.GetProperty("cargoName").GetString());
        Assert.Equal($"{Enterprise}/G01", trip.Key);

        // The marks are stored: another run publishes nothing more.
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Records);
    }

    [Fact]
    public void The_weighing_reader_reads_what_the_device_codec_writes()
    {
        var w = Weighing("wb-1", ChinaTime.From(new DateTimeOffset(2026, 11, 28, 9, 15, 30, 123, TimeSpan.FromHours(8))),
            30_123.5m, WeighingKind.Tare, "钢材");
        var (row, reason) = WeighingJsonReader.Read(DeviceMessageCodec.Encode(w));
        Assert.Null(reason);
        Assert.Equal(WeighingIdentity.For(Enterprise, "wb-1"), row!.WeighingId);
        Assert.Equal(30_123.5m, row.WeightKg);
        Assert.Equal("tare", row.Kind);
        Assert.Equal("钢材", row.CargoName);
        Assert.Equal(Plate, row.PlateNo);
        Assert.Equal(new DateTime(2026, 11, 28, 1, 15, 30, 123, DateTimeKind.Utc), row.WeighTime);
        Assert.NotNull(WeighingJsonReader.Read("{\"type\":\"tag-read\",\"version\":1}"u8).Reason);
    }

    private static async Task<IHost> StartProcessingAsync(TestPlatform platform)
    {
        var settings = platform.Settings();
        settings["Processing:Trips:IntervalSeconds"] = "0.5";
        settings["Processing:Trips:PublishLagSeconds"] = "0";
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        TestLogging.Configure(builder.Logging);
        builder.AddDataPlatform(PlatformRole.Processing);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static GateEvent Event(string eventId, Direction direction, DateTimeOffset time) => new(
        eventId, Enterprise, "G01", "L1", direction, time, PlateNumber.Parse(Plate), PlateColor.Yellow,
        0.97, VehicleType.Parse("H11"), "cam-01", []);

    private static WeighingMessage Weighing(string id, DateTimeOffset time, decimal kg, WeighingKind kind, string? cargo) =>
        new("wb-dev-1", time.AddSeconds(1), new WeighingEvent(id, Enterprise, "WB1", time, kg, kind, "T-" + id, cargo, PlateNumber.Parse(Plate)));

    private static IProducer<string, byte[]> Producer(TestPlatform platform)
    {
        var config = platform.Kafka.CreateProducerConfig();
        config.Acks = Acks.All;
        return new ProducerBuilder<string, byte[]>(config).Build();
    }

    private static Task SendEventAsync(IProducer<string, byte[]> producer, GateEvent e) =>
        producer.ProduceAsync(Topics.GateRaw, new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });

    private static Task SendWeighingAsync(IProducer<string, byte[]> producer, WeighingMessage m) =>
        producer.ProduceAsync(m.Topic, new Message<string, byte[]> { Key = m.Key, Value = DeviceMessageCodec.Encode(m) });

    private sealed record Record(string Kind, Guid RecordId, string Key, JsonElement Json);

    /// <summary>Reads ledger.records from the start by assignment until <paramref name="distinct"/> record ids arrived.</summary>
    private static List<Record> ReadRecords(TestPlatform platform, int distinct, TimeSpan within)
    {
        var config = platform.Kafka.CreateConsumerConfig("test-records-" + Guid.NewGuid().ToString("N"));
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, Topics.DefaultPartitions[Topics.LedgerRecords])
            .Select(p => new TopicPartitionOffset(Topics.LedgerRecords, p, Offset.Beginning)));
        var records = new List<Record>();
        var deadline = DateTime.UtcNow + within;
        var idleSince = DateTime.UtcNow;
        // Until every id arrived and the topic stayed quiet for a second (later versions of a record may follow).
        while (DateTime.UtcNow < deadline
               && (records.Select(r => r.RecordId).Distinct().Count() < distinct || DateTime.UtcNow - idleSince < TimeSpan.FromSeconds(1)))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message is not { } m) continue;
            idleSince = DateTime.UtcNow;
            var json = JsonDocument.Parse(Encoding.UTF8.GetString(m.Value)).RootElement.Clone();
            records.Add(new Record(json.GetProperty("kind").GetString()!, json.GetProperty("recordId").GetGuid(), m.Key, json));
        }
        consumer.Close();
        return records;
    }
}
