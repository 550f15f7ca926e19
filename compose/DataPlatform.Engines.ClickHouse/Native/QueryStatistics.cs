namespace DataPlatform.Engines.ClickHouse.Native;

/// <summary>What a query cost and produced, summed over a streamed query's chunks.</summary>
/// <remarks>
/// <para><paramref name="ReadRows"/>: Rows the engine read from storage (what ClickHouse reports as
/// <c>read_rows</c>).</para>
/// <para><paramref name="ReadBytes"/>: Bytes the engine read from storage.</para>
/// <para><paramref name="ResultRows"/>: Rows in the output.</para>
/// <para><paramref name="ResultBytes"/>: Bytes of output.</para>
/// </remarks>
internal sealed record QueryStatistics(ulong ReadRows, ulong ReadBytes, ulong WrittenRows, ulong WrittenBytes, ulong ResultRows, ulong ResultBytes, TimeSpan Elapsed)
{
    public static QueryStatistics None { get; } = new(0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    public static QueryStatistics Of(ChdbResult result) => None.Add(result);

    public QueryStatistics Add(ChdbResult chunk) => new(
        ReadRows + chunk.StorageRowsRead,
        ReadBytes + chunk.StorageBytesRead,
        WrittenRows + chunk.RowsWritten,
        WrittenBytes + chunk.BytesWritten,
        ResultRows + chunk.RowsRead,
        ResultBytes + (ulong)chunk.Length,
        // Each chunk reports the time since the query started; the latest is the query's.
        chunk.Elapsed > Elapsed ? chunk.Elapsed : Elapsed);
}
