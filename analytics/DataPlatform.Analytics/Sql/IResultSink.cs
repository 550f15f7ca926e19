namespace DataPlatform.Analytics.Sql;

/// <summary>A column of a result: its name, ClickHouse type and the CLR type the driver returns for it.</summary>
public sealed record ResultColumn(string Name, string Type, Type ClrType);

/// <summary>
/// Where a result's rows go as they arrive from the engine: a terminal table, a CSV/JSON text or an xlsx/Parquet
/// file. A sink holds at most what its format needs (Parquet: one row group; table: the rows that set its widths).
/// </summary>
public interface IResultSink : IAsyncDisposable
{
    ValueTask BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken ct);

    /// <summary>One row; <paramref name="values"/> is reused by the caller after this returns.</summary>
    ValueTask RowAsync(object?[] values, CancellationToken ct);

    /// <summary>Called once after the last row (not after a failure: a half result is not completed).</summary>
    ValueTask EndAsync(long rows, CancellationToken ct);
}
