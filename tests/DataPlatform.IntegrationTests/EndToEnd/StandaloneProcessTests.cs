using System.Net;
using ClickHouse.Driver;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.EndToEnd;

/// <summary>The <c>dataplatform</c> executable as an operator runs it, each process with its own chDB.</summary>
public sealed class StandaloneProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "sa-" + Guid.NewGuid().ToString("N"));
    private readonly int _clickHousePort = CliProcess.FreePort();
    private readonly int _ingestPort = CliProcess.FreePort();

    private CliProcess StartStandalone() => CliProcess.Start(
        "standalone", "--data", _data, "--clickhouse-port", _clickHousePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--ingest-urls", $"http://127.0.0.1:{_ingestPort}", "--analytics-urls", "http://127.0.0.1:0");

    private string ClickHouseUrl => $"http://127.0.0.1:{_clickHousePort}";

    [Fact]
    public async Task Events_acknowledged_before_a_kill_9_are_in_the_ledger_after_the_restart_exactly_once()
    {
        const int events = 400;
        using (var first = StartStandalone())
        {
            await first.WaitForOutputAsync("Ingest ", TimeSpan.FromMinutes(3));
            Assert.True(File.Exists(Path.Combine(_data, "kafka.bootstrap")));
            using var http = new HttpClient();
            var ingest = new Uri($"http://127.0.0.1:{_ingestPort}");
            var responses = await Task.WhenAll(Enumerable.Range(0, events)
                .Select(i => GateEvents.PostAsync(http, ingest, GateEvents.Json($"k9-{i}", gate: $"G0{i % 2 + 1}"))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            first.Kill9(); // right after the last acknowledgement: much of it is still only in the (lost) broker
        }

        using var second = StartStandalone();
        await second.WaitForOutputAsync("Ingest ", TimeSpan.FromMinutes(3));
        using var client = new ClickHouseClient(StandaloneCredentials.ServiceConnectionString(_clickHousePort, _data, "ledger"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long count;
        while ((count = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM passages"))) < events && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Equal(events, count);
        Assert.Equal(events, Convert.ToInt64(await client.ExecuteScalarAsync("SELECT uniqExact(event_id) FROM passages WHERE event_id LIKE 'k9-%'")));

        // The sql command reads the same ledger, and bad SQL gets ClickHouse's error, not a stack trace.
        var (ok, table) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "sql", "SELECT gate_id, count() AS n FROM passages GROUP BY gate_id ORDER BY gate_id", "--clickhouse", ClickHouseUrl);
        Assert.Equal(0, ok);
        Assert.Contains("│ G01     │ 200 │", table);
        var (csvExit, csv) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "sql", "SELECT gate_id, count() AS n FROM passages GROUP BY gate_id ORDER BY gate_id", "--clickhouse", ClickHouseUrl, "--format", "csv");
        Assert.Equal(0, csvExit);
        Assert.Contains("gate_id,n\nG01,200\nG02,200", csv.ReplaceLineEndings("\n"));
        var (bad, error) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "sql", "SELEC 1", "--clickhouse", ClickHouseUrl);
        Assert.Equal(2, bad);
        Assert.Contains("SQL 错误", error);
        Assert.Contains("62", error); // SYNTAX_ERROR
        Assert.DoesNotContain("   at ", error);

        // The sql command is the analyst's: every way of changing or leaving the ledger is refused with exit 2 and a
        // message (issue 11), and the ledger is unchanged afterwards.
        foreach (var write in new[]
                 {
                     "INSERT INTO passages (event_id) VALUES ('sql-write')", "ALTER TABLE passages DELETE WHERE 1", "DELETE FROM passages WHERE 1",
                     "TRUNCATE TABLE passages", "DROP TABLE passages", "SET readonly = 0", "SELECT * FROM file('/etc/passwd', 'LineAsString')",
                     "SELECT * FROM url('http://127.0.0.1:9/x', 'CSV', 'a String')", "SELECT 1; DROP TABLE passages",
                 })
        {
            var (refusedExit, refusal) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "sql", write, "--clickhouse", ClickHouseUrl);
            Assert.True(refusedExit == 2, $"{write}: exit {refusedExit}: {refusal}");
            Assert.Contains("ClickHouse", refusal); // the explanation, then the engine's own words
            Assert.DoesNotContain("   at ", refusal);
        }
        Assert.Equal(events, Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM passages WHERE event_id LIKE 'k9-%'")));

        // A refused push is listed with its reason and, once corrected, re-submitted into the ledger.
        using (var http = new HttpClient())
        {
            var refused = await GateEvents.PostAsync(http, new Uri($"http://127.0.0.1:{_ingestPort}"), GateEvents.Json("fix-1", plate: "京O12345"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var (_, _, rejectionId) = await GateEvents.RejectionAsync(refused);
            string listed = "";
            for (var attempt = 0; attempt < 50 && !listed.Contains(rejectionId.ToString()); attempt++)
            {
                await Task.Delay(200);
                (_, listed) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "deadletters", "list", "--reason", "invalid_plate", "--clickhouse", ClickHouseUrl);
            }
            Assert.Contains(rejectionId.ToString(), listed);
            var corrected = Path.Combine(_data, "fixed.json");
            await File.WriteAllTextAsync(corrected, GateEvents.Json("fix-1", plate: "京D12345"));
            var (resubmitted, answer) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "deadletters", "resubmit", rejectionId.ToString(), "--file", corrected,
                "--target", $"http://127.0.0.1:{_ingestPort}/api/v1/gate-events", "--clickhouse", ClickHouseUrl);
            Assert.True(resubmitted == 0, answer);
            var fixedDeadline = DateTime.UtcNow.AddSeconds(30);
            while (Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM passages WHERE event_id = 'fix-1'")) == 0 && DateTime.UtcNow < fixedDeadline)
                await Task.Delay(200);
            Assert.Equal("京D12345", await client.ExecuteScalarAsync("SELECT any(plate_no) FROM passages WHERE event_id = 'fix-1'"));
        }

        // The compose health check and the simulator command work against it; a dead endpoint is unhealthy.
        Assert.Equal(0, (await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "health", "--url", $"http://127.0.0.1:{_ingestPort}/healthz", "--clickhouse", ClickHouseUrl)).ExitCode);
        Assert.Equal(1, (await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "health", "--url", $"http://127.0.0.1:{CliProcess.FreePort()}/healthz")).ExitCode);
        var (simulated, report) = await CliProcess.RunAsync(StandaloneCredentials.Environment(_data), "simulate", "--target", $"http://127.0.0.1:{_ingestPort}", "-n", "50", "--rate", "0", "--seed", "9");
        Assert.True(simulated == 0, report);
        Assert.Contains("已发送 50 条", report);

        // Ctrl-C stops it cleanly.
        Assert.Equal(0, await second.InterruptAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains("正在停止", second.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
