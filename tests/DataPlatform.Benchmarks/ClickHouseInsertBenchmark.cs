using System.Diagnostics;
using ClickHouse.Driver;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using DataPlatform.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Benchmarks;

/// <summary>Rows per second of one way to insert passages.</summary>
public sealed record InsertRun(string Label, int Rows, int Requests, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>(2) The embedded ClickHouse on its own: ClickHouse.Driver binary inserts of passage rows into the
/// real ledger schema, in the writer's batch size and as one big insert.</summary>
public static class ClickHouseInsertBenchmark
{
    /// <summary>The processing writer's default <c>Processing:MaxBatchSize</c>.</summary>
    public const int WriterBatchSize = 5000;

    public static async Task<IReadOnlyList<InsertRun>> RunAsync(EmbeddedClickHouse clickHouse, int rows, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"== (2) Raw embedded ClickHouse: {rows:N0} passage rows, InsertBinaryAsync ==");
        var clock = Stopwatch.StartNew();
        var data = PassageRows(rows);
        output.WriteLine($"Rows made by the simulator's generator and the real projection in {clock.Elapsed.TotalSeconds:F1} s (not timed)");

        using var client = new ClickHouseClient(clickHouse.ConnectionString);
        var batchSize = Math.Min(WriterBatchSize, rows);
        var runs = new List<InsertRun>
        {
            await InsertAsync(client, clickHouse, "bench_insert_batched", $"{batchSize:N0}-row batches", data, batchSize, output, ct),
            await InsertAsync(client, clickHouse, "bench_insert_single", "one insert", data, rows, output, ct),
        };
        output.WriteLine();
        return runs;
    }

    private static async Task<InsertRun> InsertAsync(ClickHouseClient client, EmbeddedClickHouse clickHouse, string database, string label,
        IReadOnlyList<PassageRow> data, int batchSize, TextWriter output, CancellationToken ct)
    {
        await Migrator(clickHouse, database).MigrateAsync(ct);
        var table = $"`{database}`.`{PassageWriter.Table.Name}`";
        // One InsertBinaryAsync per batch with the writers' insert options (no compression over loopback);
        // BatchSize keeps the driver from splitting it.
        var options = ClickHouseInserts.OptionsFor(client, batchSize);
        var requests = 0;
        var clock = Stopwatch.StartNew();
        foreach (var batch in data.Chunk(batchSize))
        {
            await client.InsertBinaryAsync(table, PassageRow.Columns, batch.Select(r => r.Values()), options, ct);
            requests++;
        }
        var run = new InsertRun(label, data.Count, requests, clock.Elapsed);

        var stored = Convert.ToInt64(await client.ExecuteScalarAsync($"SELECT count() FROM {table}", null, null, ct));
        output.WriteLine($"{label,-20} {run.RowsPerSecond,12:N0} rows/s  ({requests:N0} requests, {run.Elapsed.TotalSeconds:F2} s; {stored:N0} rows stored)");
        if (stored != data.Count) throw new InvalidOperationException($"{database}: expected {data.Count} rows, found {stored}.");
        // Dropped at once so its background merges do not compete with the runs that follow. Not SYNC: on chDB
        // DROP DATABASE ... SYNC hung for minutes and then the process died of SIGSEGV.
        await client.ExecuteNonQueryAsync($"DROP DATABASE IF EXISTS `{database}`", null, null, ct);
        return run;
    }

    /// <summary>The ledger migrations, as the processing role runs them at start-up.</summary>
    public static LedgerMigrator Migrator(EmbeddedClickHouse clickHouse, string database) => LedgerMigrator.WithDefaultRetention(
        Options.Create(new ClickHouseOptions { Endpoint = clickHouse.Endpoint.ToString(), Database = database }));

    /// <summary>Rows exactly as the ledger writer would make them from simulated traffic (valid events only).</summary>
    private static PassageRow[] PassageRows(int count)
    {
        var generator = new GateEventGenerator(EndToEndBenchmark.ValidOnly, seed: 42);
        var now = DateTimeOffset.UtcNow;
        var rows = new PassageRow[count];
        for (var i = 0; i < count; i++)
        {
            // A passage every 100 ms up to now: 1 M rows span about a day of one busy plant.
            var push = generator.Next(now - TimeSpan.FromMilliseconds(100.0 * (count - i)));
            var parsed = GateEventCodec.Parse(push.Body, now);
            rows[i] = PassageProjection.ToRow(parsed.Event ?? throw new InvalidOperationException($"Generated event rejected: {parsed}"));
        }
        return rows;
    }
}
