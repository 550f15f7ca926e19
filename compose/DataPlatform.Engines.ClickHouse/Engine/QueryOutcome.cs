using DataPlatform.Engines.ClickHouse.Native;

namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>
/// A query that ran (an INSERT, DDL) or is running and streams its output (a SELECT). It holds its
/// session and its concurrency slot until the response has been written, so memory stays bounded by the
/// slot count times a few chunks.
/// </summary>
internal sealed class QueryOutcome : IDisposable
{
    private readonly ChdbSession? session;
    private readonly Action release;
    private int disposed;

    private QueryOutcome(ChdbSession? session, ChdbResult? result, ChdbStream? stream, string? error, Action release)
    {
        this.session = session;
        this.release = release;
        Result = result;
        Stream = stream;
        Error = error ?? result?.Error ?? stream?.StartError;
    }

    public static QueryOutcome Failed(ChdbSession session, string error, Action release) => new(session, null, null, error, release);

    public static QueryOutcome Finished(ChdbSession session, ChdbResult result, Action release) => new(session, result, null, null, release);

    public static QueryOutcome Streaming(ChdbSession session, ChdbStream stream, Action release) => new(session, null, stream, null, release);

    /// <summary>The whole output of a query that has finished; null for a streamed or failed one.</summary>
    public ChdbResult? Result { get; }

    /// <summary>The output still being produced; null for a finished or failed query.</summary>
    public ChdbStream? Stream { get; }

    /// <summary>chDB's error text when the query failed before any output, or null.</summary>
    public string? Error { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Stream?.Dispose();
            Result?.Dispose();
            session?.Dispose();
            release();
        }
    }
}
