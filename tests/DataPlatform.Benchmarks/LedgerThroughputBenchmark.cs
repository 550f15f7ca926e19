using System.Diagnostics;
using ClickHouse.Driver;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Processing.GateRaw;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Engines.Kafka;
using DataPlatform.Gate;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Benchmarks;

/// <summary>What the ledger-throughput run measured: first passage row to the last passage and decision row.</summary>
public sealed record LedgerThroughputResult(int Events, long Passages, long Decisions, TimeSpan Elapsed)
{
    public bool Complete => Passages == Events && Decisions == Events;

    public double EventsPerSecond => Passages / Elapsed.TotalSeconds;
}

/// <summary>
/// (5) Ledger throughput: a backlog of raw gate events already on <c>gate.raw</c>, drained by the processing role
/// with everything running — passages screened for review, sealed onto their chains and published to
/// <c>ledger.records</c>, gate decisions decided, published and recorded, the trips job pairing every second —
/// timed from the first passage row to the moment both the passages and the decisions hold every event. Then its
/// ratio to the raw engine figures of (1) and (2). A measurement: it prints and asserts nothing.
/// </summary>
public static class LedgerThroughputBenchmark
{
    private const string Database = "bench_ledger";
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    public static async Task<LedgerThroughputResult> RunAsync(EmbeddedClickHouse clickHouse, int events, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"== (5) Ledger throughput: {events:N0} raw events backlog → passages (sealed, published) + decisions, trips job running ==");
        // As standalone and a real broker: the processing role's consumers join their groups in one rebalance.
        var kafkaOptions = new EmbeddedKafkaOptions { GroupInitialRebalanceDelayMs = EmbeddedKafkaOptions.BrokerDefaultInitialRebalanceDelayMs };
        foreach (var (topic, partitions) in Topics.DefaultPartitions) kafkaOptions.Topics[topic] = partitions;
        using var kafka = EmbeddedKafka.Start(kafkaOptions);
        await ProduceBacklogAsync(kafka, events, ct);

        var statePath = Path.Combine(Scratch.Create("ledger"), "policy-state.json");
        var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:MockCluster"] = "true",
            ["ClickHouse:Endpoint"] = clickHouse.Endpoint.ToString(),
            ["ClickHouse:Database"] = Database,
            ["Processing:Decisions:StatePath"] = statePath,
            ["Processing:Trips:IntervalSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDataPlatform(PlatformRole.Processing);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            using var ledger = new ClickHouseClient(clickHouse.ConnectionString + $";Database={Database}");
            var result = await MeasureAsync(ledger, events, ct);
            output.WriteLine($"Ledger     {result.EventsPerSecond,12:N0} events/s  ({result.Passages:N0} passages and {result.Decisions:N0} decisions in {result.Elapsed.TotalSeconds:F2} s from the first row)");
            if (!result.Complete) output.WriteLine($"WARNING    {events:N0} events, {result.Passages:N0} passages, {result.Decisions:N0} decisions");
            PrintBreakdown(output, host.Services.GetRequiredService<LedgerPathTimings>(), result.Elapsed);
            output.WriteLine();
            return result;
        }
        finally
        {
            await host.StopAsync(TimeSpan.FromSeconds(15));
        }
    }

    /// <summary>Ledger throughput against the raw engines: Kafka consume (what the writers read) and the slower
    /// ClickHouse insert (what they write).</summary>
    public static void PrintRatios(TextWriter output, LedgerThroughputResult ledger, EmbeddedKafkaProbeResult kafka, IReadOnlyList<InsertRun> inserts)
    {
        var insert = inserts.MinBy(r => r.RowsPerSecond)!;
        output.WriteLine("== Ledger throughput against the raw engines ==");
        output.WriteLine($"Ledger (passages + decisions, sealing, trips)  {ledger.EventsPerSecond,12:N0} events/s");
        output.WriteLine($"Raw Kafka consume                              {kafka.ConsumeMessagesPerSecond,12:N0} msg/s   RATIO {ledger.EventsPerSecond / kafka.ConsumeMessagesPerSecond:F3}");
        output.WriteLine($"Raw ClickHouse insert ({insert.Label})".PadRight(47) + $"{insert.RowsPerSecond,12:N0} rows/s  RATIO {ledger.EventsPerSecond / insert.RowsPerSecond:F3}");
        if (!ledger.Complete) output.WriteLine("WARNING: the ledger run did not get every event into both ledgers; its figures are not valid.");
        output.WriteLine();
    }

    // Where the ledger writer's time went during the run: wall time of each phase summed over its batches.
    private static void PrintBreakdown(TextWriter output, LedgerPathTimings timings, TimeSpan elapsed)
    {
        output.WriteLine($"Breakdown  ledger writer, {timings.Batches:N0} batches of {timings.Reads:N0} reads (share of the run's {elapsed.TotalSeconds:F2} s):");
        foreach (var phase in Enum.GetValues<LedgerPathPhase>())
        {
            var spent = timings.Of(phase);
            output.WriteLine($"           {phase,-12} {spent.TotalSeconds,8:F2} s  {spent / elapsed,6:P0}  {spent.TotalMicroseconds / Math.Max(1, timings.Reads),8:F0} µs/read");
        }
    }

    private static async Task ProduceBacklogAsync(EmbeddedKafka kafka, int events, CancellationToken ct)
    {
        var config = kafka.CreateProducerConfig();
        config.Acks = Acks.All;
        config.EnableIdempotence = true;
        config.LingerMs = 5;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(-20), TimeSpan.Zero).ToOffset(ChinaTime.Offset);
        for (var i = 0; i < events; i++)
        {
            // 48 lanes, 2 000 trucks entering and leaving, a few low-confidence reads that go to review.
            var truck = i / 2 % 2000;
            var e = new GateEvent($"bench-{i}", "E1302001", $"G{i % 12 + 1:00}", $"L{i % 4 + 1}", i % 2 == 0 ? Direction.In : Direction.Out,
                start.AddMilliseconds(i * 500L), PlateNumber.Parse($"冀B{10000 + truck}"), PlateColor.Yellow,
                i % 50 == 0 ? 0.6 : 0.97, VehicleType.Parse("H11"), $"cam-{i % 12}", []);
            producer.Produce(Topics.GateRaw, new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });
            if (i % 10_000 == 0) producer.Poll(TimeSpan.Zero);
        }
        producer.Flush(ct);
    }

    private static async Task<LedgerThroughputResult> MeasureAsync(ClickHouseClient ledger, int events, CancellationToken ct)
    {
        Stopwatch? clock = null;
        long passages = -1, decisions = -1;
        var lastGrowth = TimeSpan.Zero;
        var idle = Stopwatch.StartNew();
        while (true)
        {
            long p = 0, d = 0;
            try
            {
                p = Convert.ToInt64(await ledger.ExecuteScalarAsync("SELECT count() FROM passages", null, null, ct));
                d = Convert.ToInt64(await ledger.ExecuteScalarAsync("SELECT count() FROM gate_decisions", null, null, ct));
            }
            catch (ClickHouseServerException) when (clock is null)
            {
                // The schema is still being migrated.
            }
            if (clock is null && p > 0) clock = Stopwatch.StartNew();
            var at = clock?.Elapsed ?? idle.Elapsed;
            if (p >= events && d >= events) return new LedgerThroughputResult(events, p, d, at);
            if (p != passages || d != decisions) (passages, decisions, lastGrowth) = (p, d, at);
            else if (at - lastGrowth > StallLimit) return new LedgerThroughputResult(events, p, d, at);
            await Task.Delay(20, ct);
        }
    }
}
