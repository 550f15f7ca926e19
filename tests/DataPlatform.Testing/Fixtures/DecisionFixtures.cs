using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using DataPlatform.Gate;
using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Xunit;

namespace DataPlatform.Tests.Decisions;

/// <summary>Commands, events and topic helpers shared by the decision tests.</summary>
public static class DecisionFixtures
{
    public const string Enterprise = "E1302001";
    public const string Guo4Truck = "冀B12345";

    public static string Time(DateTimeOffset t) =>
        ChinaTime.From(t).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>"At orange, heavy trucks below 国五 stay out, except special and 民生 vehicles": a standing plan,
    /// in force only while an orange (or red) alert is declared.</summary>
    public static string OrangePolicyJson(string policyId, string commandId) =>
        $$"""
        {"commandId":"{{commandId}}","kind":"policy.add","issuedAt":"2026-11-01T08:00:00+08:00","enterpriseId":"{{Enterprise}}",
         "policyId":"{{policyId}}","level":"orange","validFrom":"2026-01-01T00:00:00+08:00","validTo":"2030-01-01T00:00:00+08:00",
         "scope":"heavyTruck","minimumStage":"国五","nevOnly":false,"exemptions":["special","livelihood"],"whitelist":[],
         "action":"deny","ruleText":"橙色预警期间禁止国四及以下重型货车进厂","requiresDeclaredAlert":true}
        """;

    public static string AlertJson(string commandId, string level, DateTimeOffset since) =>
        $$"""
        {"commandId":"{{commandId}}","kind":"alert.set","issuedAt":"{{Time(since)}}","enterpriseId":"{{Enterprise}}",
         "level":"{{level}}","since":"{{Time(since)}}"}
        """;

    public static string RegisterJson(string commandId, string plate, string stage) =>
        $$"""
        {"commandId":"{{commandId}}","kind":"vehicle.register","issuedAt":"2026-11-01T08:00:00+08:00","enterpriseId":"{{Enterprise}}",
         "plateNo":"{{plate}}","plateColor":"yellow","vehicleType":"H11","fuel":"柴油","stage":"{{stage}}","useNature":"F"}
        """;

    public static string BlacklistJson(string commandId, string plate) =>
        $$"""
        {"commandId":"{{commandId}}","kind":"blacklist.add","issuedAt":"2026-11-01T08:00:00+08:00","enterpriseId":"{{Enterprise}}",
         "plateNo":"{{plate}}","plateColor":"yellow","reason":"超标排放被生态环境部门列入黑名单","listedAt":"2026-01-01T00:00:00+08:00"}
        """;

    public static GateEvent Event(string eventId, string plate, DateTimeOffset passTime, string gate = "G01") => new(
        eventId, Enterprise, gate, "L1", Direction.In, ChinaTime.From(passTime), PlateNumber.Parse(plate), PlateColor.Yellow,
        0.97, VehicleType.Parse("H11"), "cam-01", []);

    public static IProducer<string, byte[]> Producer(TestPlatform platform)
    {
        var config = platform.Kafka.CreateProducerConfig();
        config.LingerMs = 0;
        config.Acks = Acks.All;
        return new ProducerBuilder<string, byte[]>(config).Build();
    }

    public static Task<DeliveryResult<string, byte[]>> SendCommandAsync(IProducer<string, byte[]> producer, string json) =>
        producer.ProduceAsync(Topics.ControlCommands,
            new Message<string, byte[]> { Key = Enterprise, Value = Encoding.UTF8.GetBytes(json) });

    public static Task<DeliveryResult<string, byte[]>> SendEventAsync(IProducer<string, byte[]> producer, GateEvent e) =>
        producer.ProduceAsync(Topics.GateRaw,
            new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });

    /// <summary>Reads every partition of gate.decisions from the start by assignment: no group join to wait for.</summary>
    public static IConsumer<string, byte[]> DecisionReader(TestPlatform platform)
    {
        var config = platform.Kafka.CreateConsumerConfig("test-decisions-" + Guid.NewGuid().ToString("N"));
        config.EnableAutoCommit = false;
        config.FetchWaitMaxMs = 5;
        var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, Topics.DefaultPartitions[Topics.GateDecisions])
            .Select(p => new TopicPartitionOffset(Topics.GateDecisions, p, Offset.Beginning)));
        return consumer;
    }

    /// <summary>The decision for <paramref name="eventId"/>, reading on until it appears (others are skipped).</summary>
    public static GateDecisionMessage WaitForDecision(IConsumer<string, byte[]> reader, string eventId, TimeSpan within) =>
        WaitForDecisions(reader, [eventId], within)[eventId];

    /// <summary>The decisions for all of <paramref name="eventIds"/>, in whatever order they arrive.</summary>
    public static Dictionary<string, GateDecisionMessage> WaitForDecisions(
        IConsumer<string, byte[]> reader, IReadOnlyCollection<string> eventIds, TimeSpan within)
    {
        var found = new Dictionary<string, GateDecisionMessage>();
        var deadline = DateTime.UtcNow + within;
        while (found.Count < eventIds.Count && DateTime.UtcNow < deadline)
        {
            var r = reader.Consume(TimeSpan.FromMilliseconds(100));
            if (r?.Message?.Value is { } value && GateDecisionMessage.FromJson(value) is { } m && eventIds.Contains(m.EventId))
                found[m.EventId] = m;
        }
        return found.Count == eventIds.Count ? found
            : throw new Xunit.Sdk.XunitException($"decisions for {string.Join(", ", eventIds.Except(found.Keys))} missing after {within}");
    }

    /// <summary>Sends entries of <paramref name="plate"/> (ids <c>after-0</c>, <c>after-1</c>, …) every 20 ms until one
    /// is denied or <paramref name="clock"/> passes 10 s: the first denial (null if none) and the clock when it came.
    /// How long a new policy takes to reach the gate.</summary>
    public static async Task<(GateDecisionMessage? Denied, TimeSpan Elapsed)> FirstDenyAsync(
        IProducer<string, byte[]> producer, IConsumer<string, byte[]> reader, string plate, Stopwatch clock)
    {
        GateDecisionMessage? denied = null;
        for (var n = 0; denied is null && clock.Elapsed < TimeSpan.FromSeconds(10); n++)
        {
            await SendEventAsync(producer, Event($"after-{n}", plate, DateTimeOffset.Now));
            var until = clock.Elapsed + TimeSpan.FromMilliseconds(20);
            while (denied is null && clock.Elapsed < until)
            {
                if (reader.Consume(TimeSpan.FromMilliseconds(5))?.Message?.Value is { } value
                    && GateDecisionMessage.FromJson(value) is { Outcome: "deny" } m && m.EventId.StartsWith("after-", StringComparison.Ordinal))
                    denied = m;
            }
        }
        return (denied, clock.Elapsed);
    }

    /// <summary>Polls <paramref name="condition"/> (the policy store's state, say) until it holds or the time is up.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.True(condition(), $"condition not met within {within}");
    }

    /// <summary>A platform whose Kafka also has the decision service's topics.</summary>
    public static TestPlatform CreatePlatform(EnginesFixture engines)
    {
        var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.ControlCommands, Topics.DefaultPartitions[Topics.ControlCommands]);
        platform.Kafka.CreateTopic(Topics.GateDecisions, Topics.DefaultPartitions[Topics.GateDecisions]);
        return platform;
    }
}
