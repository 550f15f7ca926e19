using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Engines.Kafka;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPlatform.Benchmarks;

/// <summary>Latency figures of one phase, in milliseconds.</summary>
/// <remarks><paramref name="ToDecided"/>: produce to gate.raw → decided (gate.raw delivery, the decision consumer's
/// fetch wait and loop, fusion and the decider); <paramref name="ToRead"/>: decided → read from gate.decisions (the
/// decision publish and the reader's own fetch). Both split at the decision's <c>decidedAt</c> (wall clock, one
/// process). <paramref name="RawDelivery"/>: produce → fetched from gate.raw by a bare consumer with the decision
/// consumer's latency settings, in its own group (the engine's share of <paramref name="ToDecided"/>, measured beside it).
/// <paramref name="DecidedPerSecond"/> and <paramref name="RawFetchedPerSecond"/>: the rate between the phase's first and
/// last decision, and between the bare consumer's first and last fetch (under a backlog: how fast each drains it).</remarks>
public sealed record DecisionLatencyResult(string Phase, int Events, int Decided, double EventsPerSecond, double P50, double P99, double Max,
    Percentiles ToDecided, Percentiles ToRead, Percentiles RawDelivery, double DecidedPerSecond, double RawFetchedPerSecond);

/// <summary>p50 / p99 / max of one part of the latency, in milliseconds.</summary>
public sealed record Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public override string ToString() => $"p50 {P50,6:F2}  p99 {P99,7:F2}  max {Max,8:F1}";
}

/// <summary>One decision read back: total latency (stopwatch) and its split at <c>decidedAt</c>, in milliseconds.</summary>
internal readonly record struct DecisionTiming(double Total, double ToDecided, double ToRead, DateTime DecidedAt);

/// <summary>One gate.raw message fetched by the bare consumer: produce → fetched, in milliseconds, and when.</summary>
internal readonly record struct RawFetch(double Latency, DateTime FetchedAt);

/// <summary>
/// (4) Gate decision latency: from producing a raw event to <c>gate.raw</c> until its decision is consumed from
/// <c>gate.decisions</c>, through the processing role on the embedded engines with an orange-alert policy and a
/// registry in force (so every event runs the policy path). Two phases: a paced ~1 k events/s and saturation
/// (everything produced at once). A measurement, not a test: it prints figures and asserts nothing.
/// The reader stands in for the barrier's client: against the mock broker every consumer's empty fetch waits its full
/// <c>fetch.wait.max.ms</c> (the mock never answers early, a real broker does), so the reader's own wait is kept at
/// 1 ms and its part is printed apart (decided → read).
/// </summary>
public static class DecisionLatencyBenchmark
{
    private const string Database = "bench_decisions";
    private const string Enterprise = "E1302001";
    private static readonly string[] Plates = ["冀B12345", "冀B66666", "冀B77777"];
    private const int ReaderFetchWaitMs = 1;

    public static async Task<IReadOnlyList<DecisionLatencyResult>> RunAsync(
        EmbeddedClickHouse clickHouse, TextWriter output, CancellationToken ct, int pacedEvents = 10_000, int saturationEvents = 50_000)
    {
        output.WriteLine($"== (4) Gate decision latency: produce to gate.raw → decision consumed from gate.decisions ==");
        var kafkaOptions = new EmbeddedKafkaOptions();
        foreach (var (topic, partitions) in Topics.DefaultPartitions) kafkaOptions.Topics[topic] = partitions;
        using var kafka = EmbeddedKafka.Start(kafkaOptions);
        var statePath = Path.Combine(Scratch.Create("decisions"), "policy-state.json");
        var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:MockCluster"] = "true",
            ["ClickHouse:Endpoint"] = clickHouse.Endpoint.ToString(),
            ["ClickHouse:Database"] = Database,
            ["Processing:Decisions:StatePath"] = statePath,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDataPlatform(PlatformRole.Processing);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var producerConfig = kafka.CreateProducerConfig();
            producerConfig.LingerMs = 0;
            producerConfig.Acks = Acks.All;
            producerConfig.QueueBufferingMaxMessages = 500_000;
            using var producer = new ProducerBuilder<string, byte[]>(producerConfig).Build();
            await LoadPoliciesAsync(producer, host.Services.GetRequiredService<PolicyStore>(), ct);

            var consumerConfig = kafka.CreateConsumerConfig("bench-decisions");
            consumerConfig.FetchWaitMaxMs = ReaderFetchWaitMs;
            consumerConfig.SocketNagleDisable = true;
            consumerConfig.EnableAutoCommit = false;
            using var reader = new ConsumerBuilder<string, byte[]>(consumerConfig).Build();
            reader.Assign(Enumerable.Range(0, Topics.DefaultPartitions[Topics.GateDecisions])
                .Select(p => new TopicPartitionOffset(Topics.GateDecisions, p, Offset.End)));

            // The raw engine beside the decision path: the same gate.raw messages fetched by a bare consumer built by
            // the decision consumer's own settings (no parse, no decision) in a group of its own, so the broker's share
            // is visible.
            var rawConfig = DecisionPathClients.Consumer(host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value,
                host.Services.GetRequiredService<IOptions<DecisionOptions>>().Value);
            rawConfig.GroupId = "bench-decisions-raw";
            rawConfig.ClientId = "bench-decisions-raw";
            using var rawReader = new ConsumerBuilder<string, byte[]>(rawConfig).Build();
            rawReader.Assign(Enumerable.Range(0, Topics.DefaultPartitions[Topics.GateRaw])
                .Select(p => new TopicPartitionOffset(Topics.GateRaw, p, Offset.End)));

            var sent = new ConcurrentDictionary<string, (long Ticks, DateTime Wall)>();
            var latencies = new ConcurrentQueue<DecisionTiming>();
            var rawDelivery = new ConcurrentQueue<RawFetch>();
            using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reading = Task.Factory.StartNew(() => Read(reader, sent, latencies, stopReading.Token), TaskCreationOptions.LongRunning);
            var rawReading = Task.Factory.StartNew(() => ReadRaw(rawReader, rawDelivery, stopReading.Token), TaskCreationOptions.LongRunning);

            // Warm-up outside the figures: the decision consumer's group join, JIT, connections.
            await RunPhaseAsync("warm-up", 500, 0, producer, sent, latencies, rawDelivery, TimeSpan.FromSeconds(90), ct);
            var results = new List<DecisionLatencyResult>
            {
                await RunPhaseAsync("~1 k events/s", pacedEvents, 1000, producer, sent, latencies, rawDelivery, TimeSpan.FromSeconds(60), ct),
                await RunPhaseAsync("saturation", saturationEvents, 0, producer, sent, latencies, rawDelivery, TimeSpan.FromSeconds(120), ct),
            };
            await stopReading.CancelAsync();
            await reading;
            await rawReading;
            foreach (var r in results)
            {
                output.WriteLine($"{r.Phase,-14} {r.Decided,7:N0}/{r.Events:N0} decided  {r.EventsPerSecond,9:N0} events/s  p50 {r.P50,8:F1} ms  p99 {r.P99,8:F1} ms  max {r.Max,8:F1} ms");
                output.WriteLine($"  {"produce → decided",-22} {r.ToDecided} ms");
                output.WriteLine($"  {"decided → read",-22} {r.ToRead} ms   (reader fetch.wait.max.ms {ReaderFetchWaitMs})");
                output.WriteLine($"  {"raw: produce → fetched",-22} {r.RawDelivery} ms   (a bare gate.raw consumer, the decision consumer's settings: the engine's share)");
                output.WriteLine($"  {"drain rate",-22} decided {r.DecidedPerSecond,9:N0}/s  raw fetched {r.RawFetchedPerSecond,9:N0}/s  ratio {r.DecidedPerSecond / r.RawFetchedPerSecond:F2}   (first to last)");
            }
            output.WriteLine();
            return results;
        }
        finally
        {
            await host.StopAsync(TimeSpan.FromSeconds(15));
            try { Directory.Delete(Path.GetDirectoryName(statePath)!, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task LoadPoliciesAsync(IProducer<string, byte[]> producer, PolicyStore store, CancellationToken ct)
    {
        string[] commands =
        [
            Register("r1", Plates[0], "国四"),
            Register("r2", Plates[1], "国六"),
            $$"""{"commandId":"p1","kind":"policy.add","issuedAt":"2026-01-01T00:00:00+08:00","enterpriseId":"{{Enterprise}}","policyId":"orange-heavy","level":"orange","validFrom":"2020-01-01T00:00:00+08:00","validTo":"2090-01-01T00:00:00+08:00","scope":"heavyTruck","minimumStage":"5","exemptions":["special","livelihood"],"ruleText":"橙色预警期间禁止国四及以下重型货车进厂","requiresDeclaredAlert":true}""",
            $$"""{"commandId":"a1","kind":"alert.set","issuedAt":"2026-01-01T00:00:00+08:00","enterpriseId":"{{Enterprise}}","level":"orange","since":"2020-01-01T00:00:00+08:00"}""",
        ];
        foreach (var json in commands)
            await producer.ProduceAsync(Topics.ControlCommands, new Message<string, byte[]> { Key = Enterprise, Value = Encoding.UTF8.GetBytes(json) }, ct);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (store.Current.Version < commands.Length && DateTime.UtcNow < deadline)
            await Task.Delay(20, ct);
    }

    private static string Register(string id, string plate, string stage) =>
        $$"""{"commandId":"{{id}}","kind":"vehicle.register","issuedAt":"2026-01-01T00:00:00+08:00","enterpriseId":"{{Enterprise}}","plateNo":"{{plate}}","plateColor":"yellow","vehicleType":"H11","fuel":"B","stage":"{{stage}}"}""";

    /// <remarks><paramref name="rate"/>: Events per second; 0 produces everything at once.</remarks>
    private static async Task<DecisionLatencyResult> RunPhaseAsync(string phase, int events, int rate, IProducer<string, byte[]> producer,
        ConcurrentDictionary<string, (long Ticks, DateTime Wall)> sent, ConcurrentQueue<DecisionTiming> latencies, ConcurrentQueue<RawFetch> rawDelivery,
        TimeSpan limit, CancellationToken ct)
    {
        latencies.Clear();
        rawDelivery.Clear();
        var prefix = phase.Replace(' ', '-').Replace("~", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, ct);
            }
            var e = new GateEvent($"{prefix}-{i}", Enterprise, $"G0{i % 4}", $"L{i % 3}", Direction.In, ChinaTime.From(DateTimeOffset.Now),
                PlateNumber.Parse(Plates[i % Plates.Length]), PlateColor.Yellow, 0.97, VehicleType.Parse("H11"), "cam-01", []);
            var message = new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) };
            sent[e.EventId] = (Stopwatch.GetTimestamp(), DateTime.UtcNow);
            while (true)
            {
                try
                {
                    producer.Produce(Topics.GateRaw, message);
                    break;
                }
                catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(5));
                }
            }
        }
        while (latencies.Count < events && clock.Elapsed < limit)
            await Task.Delay(10, ct);
        var elapsed = clock.Elapsed;
        var timings = latencies.ToArray();
        var total = Percentiles.Of(timings.Select(t => t.Total));
        var fetched = rawDelivery.ToArray();
        return new DecisionLatencyResult(phase, events, timings.Length, timings.Length / elapsed.TotalSeconds, total.P50, total.P99, total.Max,
            Percentiles.Of(timings.Select(t => t.ToDecided)), Percentiles.Of(timings.Select(t => t.ToRead)), Percentiles.Of(fetched.Select(f => f.Latency)),
            RateOf([.. timings.Select(t => t.DecidedAt)]), RateOf([.. fetched.Select(f => f.FetchedAt)]));
    }

    private static double RateOf(IReadOnlyList<DateTime> times)
    {
        if (times.Count < 2) return double.NaN;
        var span = (times.Max() - times.Min()).TotalSeconds;
        return span > 0 ? (times.Count - 1) / span : double.NaN;
    }

    // The producer stamps each message when it is produced (CreateTime, milliseconds).
    private static void ReadRaw(IConsumer<string, byte[]> reader, ConcurrentQueue<RawFetch> delivery, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var r = reader.Consume(TimeSpan.FromMilliseconds(50));
            if (r?.Message is { } message)
            {
                var now = DateTime.UtcNow;
                delivery.Enqueue(new RawFetch((now - message.Timestamp.UtcDateTime).TotalMilliseconds, now));
            }
        }
    }

    private static void Read(IConsumer<string, byte[]> reader, ConcurrentDictionary<string, (long Ticks, DateTime Wall)> sent,
        ConcurrentQueue<DecisionTiming> latencies, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var r = reader.Consume(TimeSpan.FromMilliseconds(50));
            if (r?.Message?.Value is not { } value) continue;
            var decision = GateDecisionMessage.FromJson(value);
            if (!sent.TryRemove(decision.EventId, out var start)) continue;
            var total = Stopwatch.GetElapsedTime(start.Ticks).TotalMilliseconds;
            var toDecided = (decision.DecidedAt.UtcDateTime - start.Wall).TotalMilliseconds;
            latencies.Enqueue(new DecisionTiming(total, toDecided, total - toDecided, decision.DecidedAt.UtcDateTime));
        }
    }
}
