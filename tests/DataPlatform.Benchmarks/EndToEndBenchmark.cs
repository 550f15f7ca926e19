using System.Diagnostics;
using ClickHouse.Driver;
using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Engines.Kafka;
using DataPlatform.Ingest.Http;
using DataPlatform.Simulation;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Benchmarks;

/// <summary>What the end-to-end run sent and when it was accepted and in the ledger, from the first post.</summary>
public sealed record EndToEndResult(int Events, SimulationReport Report, TimeSpan Accepted, TimeSpan InLedger, long LedgerRows)
{
    public bool Complete => Report.Accepted == Events && LedgerRows == Events;

    public double AcceptedPerSecond => Report.Accepted / Accepted.TotalSeconds;

    public double InLedgerPerSecond => LedgerRows / InLedger.TotalSeconds;
}

/// <summary>(3) The skeleton end to end: every role in one host on the embedded engines, as standalone runs it,
/// driven over HTTP by the gate traffic simulator until the ledger holds every event.</summary>
public static class EndToEndBenchmark
{
    public const int Concurrency = 64;
    private const int WarmupEvents = 500;
    private const string Database = "bench_e2e";
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    /// <summary>The default plant's traffic without duplicates or malformed pushes: every post is a new row.</summary>
    public static SimulationProfile ValidOnly { get; } = SimulationProfile.Default with { DuplicateShare = 0, MalformedShare = 0 };

    public static async Task<EndToEndResult> RunAsync(EmbeddedClickHouse clickHouse, int events, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"== (3) End to end: {events:N0} valid events over HTTP, {Concurrency} at a time, unthrottled ==");
        // The run's own state folder, as standalone's data directory: the journal, and the picture store beside it.
        var state = Scratch.Create("e2e");
        // As standalone and a real broker: the processing role's consumers join their groups in one rebalance.
        var kafkaOptions = new EmbeddedKafkaOptions { GroupInitialRebalanceDelayMs = EmbeddedKafkaOptions.BrokerDefaultInitialRebalanceDelayMs };
        // Every topic the roles read, as standalone creates them: a consumer of a missing topic only waits.
        foreach (var (topic, partitions) in Topics.DefaultPartitions) kafkaOptions.Topics[topic] = partitions;
        using var kafka = EmbeddedKafka.Start(kafkaOptions);
        var host = await StartHostAsync(kafka, clickHouse, Path.Combine(state, "journal"), ct);
        try
        {
            using var ledger = new ClickHouseClient(clickHouse.ConnectionString + $";Database={Database}");
            using var http = new HttpClient();
            var ingest = new Uri(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);

            // Warm-up outside the clock: connections, JIT, and the writers' consumer-group join.
            var clock = Stopwatch.StartNew();
            // A simulator per run: its report counts everything that instance ever sent.
            var warmup = await new GateTrafficSimulator(http, ingest).RunAsync(ValidOnly, seed: 1, WarmupEvents, eventsPerSecond: 0, Concurrency, null, ct);
            var (warmRows, _) = await WaitForLedgerAsync(ledger, warmup.Accepted, clock, ct);
            if (warmup.Accepted != WarmupEvents || warmRows != warmup.Accepted)
                throw new InvalidOperationException($"Warm-up: {warmup.Accepted} of {WarmupEvents} accepted, {warmRows} in the ledger ({warmup}).");
            output.WriteLine($"Warm-up    {warmup.Accepted:N0} events accepted and in the ledger after {clock.Elapsed.TotalSeconds:F2} s (not timed)");

            clock.Restart();
            var report = await new GateTrafficSimulator(http, ingest).RunAsync(ValidOnly, seed: 2, events, eventsPerSecond: 0, Concurrency, null, ct);
            var accepted = clock.Elapsed;
            var (rows, inLedger) = await WaitForLedgerAsync(ledger, warmup.Accepted + report.Accepted, clock, ct);
            var result = new EndToEndResult(events, report, accepted, inLedger, rows - warmup.Accepted);

            output.WriteLine($"Accepted   {result.AcceptedPerSecond,12:N0} events/s  ({report.Accepted:N0} HTTP 202 in {accepted.TotalSeconds:F2} s; rejected {report.Rejected:N0}, failed {report.Failed:N0})");
            output.WriteLine($"In ledger  {result.InLedgerPerSecond,12:N0} events/s  ({result.LedgerRows:N0} rows in {inLedger.TotalSeconds:F2} s from the first post; the last arrived {(inLedger - accepted).TotalSeconds:F2} s after the last 202)");
            if (!result.Complete) output.WriteLine($"WARNING    sent {events:N0}, accepted {report.Accepted:N0}, in the ledger {result.LedgerRows:N0}");
            output.WriteLine();
            return result;
        }
        finally
        {
            await host.StopAsync(TimeSpan.FromSeconds(15));
            host.Dispose();
            Scratch.Delete(state);
        }
    }

    private static async Task<IHost> StartHostAsync(EmbeddedKafka kafka, EmbeddedClickHouse clickHouse, string journal, CancellationToken ct)
    {
        // The settings standalone gives its host, with a database and a journal of this run's own.
        var builder = DataPlatformHostingExtensions.CreateBuilder(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:MockCluster"] = "true",
            ["ClickHouse:Endpoint"] = clickHouse.Endpoint.ToString(),
            ["ClickHouse:Database"] = Database,
            ["Ingest:Urls"] = "http://127.0.0.1:0",
            ["Ingest:JournalDirectory"] = journal,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDataPlatform(PlatformRole.All);
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    /// <summary>Polls <c>count()</c> until it reaches <paramref name="expected"/>; gives up when it stops growing.</summary>
    private static async Task<(long Rows, TimeSpan At)> WaitForLedgerAsync(ClickHouseClient ledger, long expected, Stopwatch clock, CancellationToken ct)
    {
        long rows = -1;
        var lastGrowth = clock.Elapsed;
        while (true)
        {
            var now = Convert.ToInt64(await ledger.ExecuteScalarAsync("SELECT count() FROM passages", null, null, ct));
            var at = clock.Elapsed;
            if (now >= expected) return (now, at);
            if (now != rows) (rows, lastGrowth) = (now, at);
            else if (at - lastGrowth > StallLimit) return (now, at);
            await Task.Delay(20, ct);
        }
    }
}
