using DataPlatform.Engines.ClickHouse.Native;

namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>
/// A finished query whose output still lives in chDB's memory. It holds its session and its
/// concurrency slot until the response has been written, so memory stays bounded by the slot count.
/// </summary>
internal sealed class QueryOutcome : IDisposable
{
    private readonly ChdbSession? session;
    private readonly Action release;
    private int disposed;

    public QueryOutcome(ChdbSession? session, ChdbResult? result, string? error, Action release)
    {
        this.session = session;
        this.release = release;
        Result = result;
        Error = error ?? result?.Error;
    }

    /// <summary>The query's output; null when the request failed before the query ran.</summary>
    public ChdbResult? Result { get; }

    /// <summary>chDB's error text, or null on success.</summary>
    public string? Error { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Result?.Dispose();
            session?.Dispose();
            release();
        }
    }
}
