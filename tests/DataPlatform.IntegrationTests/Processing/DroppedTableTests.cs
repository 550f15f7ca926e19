using System.Diagnostics;
using System.Net;
using ClickHouse.Driver;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ledger;
using DataPlatform.Processing.GateRaw;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Processing;

/// <summary>
/// A ledger table dropped under a running platform (issue 11 item 6: after <c>DROP TABLE passages</c> processing
/// retried forever and once ignored Ctrl-C for 20 s): the consumer writing it stops with one fatal alarm and one
/// log line, the rest of the process runs on, and the process still stops within seconds.
/// </summary>
[Collection(EnginesCollection.Name)]
public sealed class DroppedTableTests(EnginesFixture engines) : IDisposable
{
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(15);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "dataplatform-tests", "drop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Dropping_passages_stops_its_consumer_with_one_fatal_alarm_while_the_rest_runs_and_the_host_stops_in_seconds()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Ingest | PlatformRole.Processing);
        using var http = new HttpClient();
        var ingest = TestPlatform.IngestUri(host);
        Assert.Equal(HttpStatusCode.Accepted, (await GateEvents.PostAsync(http, ingest, GateEvents.Json("drop-1"))).StatusCode);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages", 1));

        await platform.Client.ExecuteNonQueryAsync("DROP TABLE passages");
        Assert.Equal(HttpStatusCode.Accepted, (await GateEvents.PostAsync(http, ingest, GateEvents.Json("drop-2", plate: "冀B22222", gate: "G02"))).StatusCode);

        Assert.Contains("UNKNOWN_TABLE (60)", await StoppedByAsync(() => host.Services.GetRequiredService<GateRawConsumer>().StoppedBy));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM alarms WHERE rule_id = 'ledger-consumer-stopped'", 1));
        var title = (string)(await platform.Client.ExecuteScalarAsync("SELECT any(title) FROM alarms WHERE rule_id = 'ledger-consumer-stopped'"))!;
        Assert.Contains("passages", title, StringComparison.Ordinal);

        // The rest of the process runs on: a refused event still reaches rejected_payloads.
        Assert.Equal(HttpStatusCode.BadRequest, (await GateEvents.PostAsync(http, ingest, "{\"eventId\": \"cut off")).StatusCode);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM rejected_payloads", 1));
        // Stopped, not retrying: still the one alarm, and the unwritten event is not lost from Kafka (uncommitted).
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM alarms WHERE rule_id = 'ledger-consumer-stopped'"));

        var stopping = Stopwatch.StartNew();
        await platform.StopAsync(host);
        Assert.True(stopping.Elapsed < Seconds, $"the host took {stopping.Elapsed} to stop");
    }

    [Fact]
    public async Task Dropping_gate_decisions_stops_the_decision_consumer_with_one_fatal_alarm_instead_of_retrying_forever()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Ingest | PlatformRole.Processing);
        using var http = new HttpClient();
        var ingest = TestPlatform.IngestUri(host);
        await platform.Client.ExecuteNonQueryAsync("DROP TABLE gate_decisions");
        Assert.Equal(HttpStatusCode.Accepted, (await GateEvents.PostAsync(http, ingest, GateEvents.Json("drop-decision-1"))).StatusCode);

        Assert.Contains("UNKNOWN_TABLE (60)", await StoppedByAsync(() => host.Services.GetRequiredService<DataPlatform.Processing.Decisions.GateDecisionConsumer>().StoppedBy));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM alarms WHERE rule_id = 'ledger-consumer-stopped' AND position(title, 'gate_decisions') > 0", 1));
        // The ledger writer is another consumer: the passage is still sealed.
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages", 1));

        var stopping = Stopwatch.StartNew();
        await platform.StopAsync(host);
        Assert.True(stopping.Elapsed < Seconds, $"the host took {stopping.Elapsed} to stop");
    }

    [Fact]
    public async Task An_altered_table_stops_its_consumer_too_and_the_engine_s_transient_errors_do_not()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.Ingest | PlatformRole.Processing);
        await platform.Client.ExecuteNonQueryAsync("ALTER TABLE rejected_payloads DROP COLUMN reason");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await GateEvents.PostAsync(http, TestPlatform.IngestUri(host), "{\"eventId\": \"cut off")).StatusCode);

        Assert.NotNull(await StoppedByAsync(() => host.Services.GetRequiredService<DataPlatform.Processing.Rejections.RejectedPayloadConsumer>().StoppedBy));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM alarms WHERE rule_id = 'ledger-consumer-stopped'", 1));

        // What the engine says about other mistakes is no schema fault: those are retried as before.
        async Task<Exception> ErrorOf(string sql)
        {
            try { await platform.Client.ExecuteScalarAsync(sql); }
            catch (Exception ex) { return ex; }
            throw new Xunit.Sdk.XunitException("no error from " + sql);
        }
        Assert.NotNull(DataPlatform.Processing.Consuming.LedgerSchemaFault.Of(await ErrorOf("SELECT no_such_column FROM alarms")));
        Assert.NotNull(DataPlatform.Processing.Consuming.LedgerSchemaFault.Of(await ErrorOf("SELECT count() FROM no_such_table")));
        Assert.Null(DataPlatform.Processing.Consuming.LedgerSchemaFault.Of(await ErrorOf("SELEC 1")));
        Assert.Null(DataPlatform.Processing.Consuming.LedgerSchemaFault.Of(await ErrorOf("SELECT throwIf(1, 'busy')")));
        Assert.Null(DataPlatform.Processing.Consuming.LedgerSchemaFault.Of(new HttpRequestException("connection refused")));
    }

    [Fact]
    public async Task A_column_whose_type_changed_under_a_running_writer_takes_its_next_rows_in_the_new_type()
    {
        // ClickHouseInserts asks the column types before every insert and sends RowBinary, which carries no types: with
        // the driver's schema cache instead, the second insert would be encoded for UInt32 and read by the server as
        // Int64 — a reinterpreted ledger value, or a failed insert. A rolling upgrade whose migration changes a type
        // while an older writer runs is that case.
        await using var platform = TestPlatform.Create(engines);
        using (var admin = new ClickHouseClient(engines.ClickHouse.ConnectionString))
            await admin.ExecuteNonQueryAsync($"CREATE DATABASE IF NOT EXISTS {platform.Database}");
        var client = platform.Client;
        await client.ExecuteNonQueryAsync("CREATE TABLE scale_readings (id String, kg UInt32) ENGINE = MergeTree ORDER BY id");
        string[] columns = ["id", "kg"];
        await client.InsertRowsAsync("scale_readings", columns, [["before", 49_000u]], CancellationToken.None);
        await client.ExecuteNonQueryAsync("ALTER TABLE scale_readings MODIFY COLUMN kg Int64");
        await client.InsertRowsAsync("scale_readings", columns, [["after", 5_000_000_000L]], CancellationToken.None);

        Assert.Equal("before=49000,after=5000000000", (string)(await client.ExecuteScalarAsync(
            "SELECT arrayStringConcat(groupArray(id || '=' || toString(kg)), ',') FROM (SELECT * FROM scale_readings ORDER BY id DESC)"))!);
    }

    [Fact]
    public async Task A_standalone_process_whose_passages_table_was_dropped_logs_the_fault_once_and_stops_on_sigint_within_seconds()
    {
        var clickHousePort = CliProcess.FreePort();
        var ingestPort = CliProcess.FreePort();
        using var standalone = CliProcess.Start("standalone", "--data", _data,
            "--clickhouse-port", clickHousePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ingest-urls", $"http://127.0.0.1:{ingestPort}",
            "--analytics-urls", "http://127.0.0.1:0");
        await standalone.WaitForOutputAsync("Ingest ", TimeSpan.FromMinutes(3));
        using var http = new HttpClient();
        var ingest = new Uri($"http://127.0.0.1:{ingestPort}");
        using var client = new ClickHouseClient(StandaloneCredentials.ServiceConnectionString(clickHousePort, _data, "ledger"));
        Assert.Equal(HttpStatusCode.Accepted, (await GateEvents.PostAsync(http, ingest, GateEvents.Json("sa-drop-1"))).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM passages")) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        await client.ExecuteNonQueryAsync("DROP TABLE passages");
        Assert.Equal(HttpStatusCode.Accepted, (await GateEvents.PostAsync(http, ingest, GateEvents.Json("sa-drop-2", plate: "冀B22222", gate: "G02"))).StatusCode);
        await standalone.WaitForOutputAsync("台账表不可写入", TimeSpan.FromSeconds(60));

        var stopping = Stopwatch.StartNew();
        var exit = await standalone.InterruptAsync(Seconds);
        Assert.True(stopping.Elapsed < Seconds, $"took {stopping.Elapsed} after SIGINT");
        Assert.Equal(0, exit);
        // One fatal line for the one stopped consumer, not one per retry.
        Assert.Equal(1, standalone.Output.Split('\n').Count(l => l.Contains("台账表不可写入", StringComparison.Ordinal) && l.Contains("gate.raw", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    /// <summary>Why a consumer stopped, once it has (polled for up to a minute; null if it never did).</summary>
    private static async Task<string?> StoppedByAsync(Func<string?> stoppedBy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (stoppedBy() is null && DateTime.UtcNow < deadline) await Task.Delay(100);
        return stoppedBy();
    }
}
