namespace DataPlatform.Engines.ClickHouse.Native;

/// <summary>
/// A query whose output chDB hands over chunk by chunk (<c>chdb_stream_query</c>), so a result of any size
/// goes to the client while the engine still produces it, holding at most a few chunks in memory.
/// Not thread-safe: one reader fetches in order. Dispose cancels a stream not read to its end.
/// </summary>
internal sealed class ChdbStream : IDisposable
{
    private const string NoActiveQuery = "No active streaming query";
    private readonly ChdbNative native;
    private readonly nint connection;
    private nint handle;
    private bool finished;

    private readonly string format;
    private byte[]? header;

    public ChdbStream(ChdbNative native, nint connection, nint handle, string format)
    {
        this.native = native;
        this.format = format;
        this.connection = connection;
        this.handle = handle;
        using var start = new ChdbResult(native, handle, ownsHandle: false);
        StartError = start.Error;
        finished = StartError is not null;
    }

    /// <summary>chDB's error when the query could not start (syntax, unknown table, readonly refusal).</summary>
    public string? StartError { get; }

    /// <summary>Totals over the chunks fetched so far.</summary>
    public QueryStatistics Statistics { get; private set; } = QueryStatistics.None;

    /// <summary>
    /// The next chunk of output, to be disposed by the caller; null once the query has ended. A chunk with
    /// an <see cref="ChdbResult.Error"/> means the query failed part-way and ends the stream.
    /// </summary>
    public ChdbResult? Next()
    {
        if (finished)
        {
            return null;
        }

        ObjectDisposedException.ThrowIf(handle == 0, this);

        var chunk = new ChdbResult(native, native.StreamFetch(connection, handle));
        if (chunk.Error == NoActiveQuery)
        {
            // A query with an empty result ends without the empty closing chunk: chDB already forgot it.
            finished = true;
            chunk.Dispose();
            return null;
        }

        if (chunk.Error is not null)
        {
            finished = true;
            return chunk;
        }

        Statistics = Statistics.Add(chunk);
        if (chunk.Length == 0)
        {
            finished = true;
            chunk.Dispose();
            return null;
        }

        return CutRepeatedHeader(chunk);
    }

    // chDB writes the format's header (names, types) at the start of every chunk; the client must see it once.
    private ChdbResult CutRepeatedHeader(ChdbResult chunk)
    {
        var start = chunk.Chunk(0, 1 << 20);
        if (header is null)
        {
            var length = Sql.StreamingFormat.HeaderLength(format, start);
            if (length is null)
            {
                return Fail(chunk, $"the first chunk of a {format} stream holds no whole header");
            }

            header = start[..length.Value].ToArray();
            return chunk;
        }

        if (!start.StartsWith(header))
        {
            return Fail(chunk, $"a chunk of a {format} stream does not start with the stream's header");
        }

        chunk.Skip = header.Length;
        return chunk;
    }

    private ChdbResult Fail(ChdbResult chunk, string message)
    {
        chunk.Dispose();
        finished = true;
        return ChdbResult.Failed($"Code: 1001. DB::Exception: Cannot stream the result: {message}");
    }

    public void Dispose()
    {
        var toDestroy = Interlocked.Exchange(ref handle, 0);
        if (toDestroy == 0)
        {
            return;
        }

        if (!finished)
        {
            native.StreamCancel(connection, toDestroy);
        }

        native.Destroy(toDestroy);
    }
}
