using Confluent.Kafka;
using ClickHouse.Driver;
using DataPlatform.Gate;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Processing;

/// <summary>
/// The distributed layout on one machine: engines in one process (<c>dataplatform engines</c>), the processing
/// role in another (<c>dataplatform processing</c>), killed with SIGKILL at random points and restarted.
/// </summary>
public sealed class ProcessingProcessCrashTests : IDisposable
{
    private const int Events = 100_000;
    private const int Kills = 10;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "engines-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_processing_process_killed_repeatedly_leaves_every_event_in_the_ledger_exactly_once()
    {
        var port = CliProcess.FreePort();
        using var engines = CliProcess.Start("engines", "--data", _data, "--clickhouse-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await engines.WaitForOutputAsync("就绪", TimeSpan.FromMinutes(3));
        var environment = File.ReadAllLines(Path.Combine(_data, "engines.env"))
            .Select(line => line.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        environment["Processing__MaxBatchSize"] = "1000";
        environment["Logging__LogLevel__Default"] = "Warning";

        Produce(environment["Kafka__BootstrapServers"]);

        using var client = new ClickHouseClient(StandaloneCredentials.ServiceConnectionString(port, _data));
        var random = new Random(42);
        var counts = new List<long>();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Kill at a random point of the ledger's progress, so every kill lands while it is part-written.
            var target = Events * (kill + 1) / (Kills + 2) + random.Next(Events / (Kills + 2));
            using var processing = CliProcess.Start(environment, "processing");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await CountAsync(client, "count()") < target && DateTime.UtcNow < deadline && !processing.HasExited)
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(5, 60)));
            processing.Kill9();
            counts.Add(await CountAsync(client, "count()"));
        }
        // A fast catch-up can overshoot a late target, so most, not all, kills must land mid-write.
        Assert.True(counts.Count(c => c is > 0 and < Events) >= Kills - 2 && counts.SequenceEqual(counts.Order()),
            "kills should land while the ledger is part-written, and progress must never go back: " + string.Join(",", counts));

        using (var survivor = CliProcess.Start(environment, "processing"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (await CountAsync(client, "count()") < Events && DateTime.UtcNow < deadline) await Task.Delay(250);
            await Task.Delay(1000); // a duplicate from a redelivered batch would show by now
            Assert.Equal(Events, await CountAsync(client, "count()"));
            Assert.Equal(Events, await CountAsync(client, "uniqExact(event_id)"));
            Assert.Equal(0, await survivor.InterruptAsync(TimeSpan.FromMinutes(3)));
        }

        // Eleven processes sealed the chains, each continuing where the killed one left off: the chains must verify.
        var clickHouse = $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var (intactExit, intactReport) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "ledger", "verify", "--clickhouse", clickHouse);
        Assert.True(intactExit == 0, intactReport);
        Assert.Contains("完好 intact", intactReport, StringComparison.Ordinal);
        Assert.Contains($"records checked: {Events}", intactReport, StringComparison.Ordinal);

        // Then someone edits one row directly in ClickHouse: verify must fail and name it.
        var victim = (Guid)(await client.ExecuteScalarAsync(
            "SELECT passage_id FROM ledger.passages WHERE gate_id = 'G03' ORDER BY chain_seq LIMIT 1 OFFSET 1234"))!;
        await client.ExecuteNonQueryAsync(
            $"ALTER TABLE ledger.passages UPDATE plate_no = '冀B99999' WHERE passage_id = '{victim}' SETTINGS mutations_sync = 2");
        var (tamperedExit, tamperedReport) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "ledger", "verify", "--clickhouse", clickHouse);
        Assert.True(tamperedExit == 1, tamperedReport);
        Assert.Contains(victim.ToString(), tamperedReport, StringComparison.Ordinal);
        Assert.Contains("篡改 altered", tamperedReport, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(ClickHouseClient client, string aggregate)
    {
        try
        {
            return Convert.ToInt64(await client.ExecuteScalarAsync($"SELECT {aggregate} FROM ledger.passages"));
        }
        catch (ClickHouseServerException ex) when (ex.ErrorCode is 60 or 81) // not migrated yet
        {
            return 0;
        }
    }

    private static void Produce(string bootstrap)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap, EnableIdempotence = true, Acks = Acks.All, LingerMs = 5,
        }).Build();
        for (var i = 0; i < Events; i++)
        {
            var e = GateEventCodec.Parse(System.Text.Encoding.UTF8.GetBytes(
                GateEvents.Json($"kill-{i}", gate: $"G{i % 48:D2}")), DateTimeOffset.UtcNow).Event!;
            producer.Produce(Topics.GateRaw, new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });
        }
        producer.Flush(TimeSpan.FromMinutes(1));
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
