using System.Diagnostics;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Sql;

/// <summary>
/// Ad-hoc SQL over the ledger for analysts, as the read-only analyst user (<see cref="AnalystSqlOptions"/>), so the
/// engine itself refuses writes, DDL, SET and table functions that reach files or URLs. Queries run in the ledger
/// database by default; one statement per call.
/// </summary>
public sealed class SqlConsole : IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly ClickHouseClient client;

    public SqlConsole(IOptions<ClickHouseOptions> ledger, IOptions<AnalystSqlOptions> analyst)
    {
        var target = new ClickHouseOptions
        {
            Endpoint = ledger.Value.Endpoint,
            Database = ledger.Value.Database,
            Username = analyst.Value.Username,
            Password = analyst.Value.Password,
        };
        client = new ClickHouseClient(target.ConnectionString());
    }

    public Task<QueryResult> QueryAsync(string sql, CancellationToken ct) => QueryAsync(sql, null, ct);

    /// <summary>A small result read whole (listings of a CLI command); large ones go through <see cref="StreamAsync"/>.</summary>
    public async Task<QueryResult> QueryAsync(string sql, ClickHouseParameterCollection? parameters, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        var columns = await ReadAsync(sql, parameters, row => { rows.Add((object?[])row.Clone()); return ValueTask.CompletedTask; }, null, ct);
        return new QueryResult(columns.Select(c => c.Name).ToList(), columns.Select(c => c.Type).ToList(), rows);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> and hands each row to <paramref name="sink"/> as it arrives from the engine, so a
    /// result of any size passes through with constant memory. Reports progress every 250 ms when asked.
    /// </summary>
    /// <exception cref="ClickHouseServerException">The engine refused or failed the statement (read-only: code 164).</exception>
    public async Task<SqlRunSummary> StreamAsync(string sql, IResultSink sink, IProgress<SqlProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long rows = 0;
        var lastReport = TimeSpan.Zero;
        await ReadAsync(sql, null, async row =>
        {
            await sink.RowAsync(row, ct);
            rows++;
            if (progress is not null && clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                progress.Report(new SqlProgress(rows, clock.Elapsed));
            }
        }, columns => sink.BeginAsync(columns, ct), ct);
        await sink.EndAsync(rows, ct);
        return new SqlRunSummary(rows, clock.Elapsed);
    }

    private async Task<IReadOnlyList<ResultColumn>> ReadAsync(string sql, ClickHouseParameterCollection? parameters,
        Func<object?[], ValueTask> onRow, Func<IReadOnlyList<ResultColumn>, ValueTask>? onColumns, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(sql, parameters, null, ct);
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), reader.GetFieldType(i)))
            .ToList();
        if (onColumns is not null) await onColumns(columns);
        var row = new object?[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(row!);
            await onRow(row);
        }

        return columns;
    }

    public void Dispose() => client.Dispose();
}

/// <summary>How far a streamed query is: rows handed on so far and time since it was sent.</summary>
public sealed record SqlProgress(long Rows, TimeSpan Elapsed);

/// <summary>A finished streamed query: its rows and the time it took end to end.</summary>
public sealed record SqlRunSummary(long Rows, TimeSpan Elapsed);
