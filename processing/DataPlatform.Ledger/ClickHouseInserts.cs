using ClickHouse.Driver;
using ClickHouse.Driver.Compression;

namespace DataPlatform.Ledger;

/// <summary>How every table writes its rows: one binary insert per batch, with the insert options the platform's
/// writes share.</summary>
public static class ClickHouseInserts
{
    // The driver compresses a binary insert with zstd whatever the connection string says unless the options name no
    // compressor, and without a schema cache it asks for the table's column types before every insert (one more round
    // trip per batch). Tables change only through the migrations, which run before any writer starts.
    private static readonly InsertOptions Compressed = new() { UseSchemaCache = true };
    private static readonly InsertOptions Plain = new() { UseSchemaCache = true, Compressor = null };

    /// <summary>The insert options for <paramref name="client"/>: compressed as its connection is
    /// (<see cref="ClickHouseOptions.Compresses"/>), the table's column types fetched once per client.</summary>
    public static InsertOptions OptionsFor(ClickHouseClient client) => client.Settings.UseCompression ? Compressed : Plain;

    /// <summary>As <see cref="OptionsFor(ClickHouseClient)"/>, in batches of <paramref name="batchSize"/> rows (the driver's default splits
    /// at 100,000).</summary>
    public static InsertOptions OptionsFor(ClickHouseClient client, int batchSize) => client.Settings.UseCompression
        ? new InsertOptions { UseSchemaCache = true, BatchSize = batchSize }
        : new InsertOptions { UseSchemaCache = true, BatchSize = batchSize, Compressor = null };

    /// <summary>Inserts <paramref name="rows"/> into <paramref name="table"/> (qualified name) as one insert.</summary>
    public static Task<long> InsertRowsAsync(this ClickHouseClient client, string table, IEnumerable<string> columns,
        IEnumerable<object?[]> rows, CancellationToken ct) =>
        client.InsertBinaryAsync(table, columns, rows, OptionsFor(client), ct);
}
