using ClickHouse.Driver;

namespace DataPlatform.Ledger;

/// <summary>How every table writes its rows: one binary insert per batch, compressed as the client's connection is.</summary>
/// <remarks>The driver compresses a binary insert with zstd whatever the connection string says unless the insert's
/// options name no compressor. Its schema cache is left off, so each insert first asks the table for its columns' types
/// (one small query): the rows go as RowBinary, which carries no types, so with cached types a column whose type a
/// migration changed under a running writer (a rolling upgrade) would be sent in its old encoding and read by the
/// server in the new one — a reinterpreted ledger value or a failed batch (DroppedTableTests). With the cache, a column
/// the table lacks also fails in the driver (an <see cref="ArgumentException"/>) rather than at the server, which a
/// consumer would retry instead of stopping on the schema fault.</remarks>
public static class ClickHouseInserts
{
    private static readonly InsertOptions Compressed = new();
    private static readonly InsertOptions Plain = new() { Compressor = null };

    /// <summary>The insert options for <paramref name="client"/>: compressed as its connection is
    /// (<see cref="ClickHouseOptions.Compresses"/>).</summary>
    public static InsertOptions OptionsFor(ClickHouseClient client) => client.Settings.UseCompression ? Compressed : Plain;

    /// <summary>As <see cref="OptionsFor(ClickHouseClient)"/>, in batches of <paramref name="batchSize"/> rows (the driver's
    /// default splits at 100,000).</summary>
    public static InsertOptions OptionsFor(ClickHouseClient client, int batchSize) =>
        new() { BatchSize = batchSize, Compressor = OptionsFor(client).Compressor };

    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/> (qualified name) as one insert.</summary>
    public static Task<long> InsertRowsAsync(this ClickHouseClient client, string table, IEnumerable<string> columns,
        IEnumerable<object?[]> rows, CancellationToken ct) =>
        client.InsertBinaryAsync(table, columns, rows, OptionsFor(client), ct);
}
