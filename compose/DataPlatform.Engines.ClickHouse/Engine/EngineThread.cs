namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>
/// Runs a blocking chDB call (a query, the next chunk of a stream) on a thread of its own rather than the pool's.
/// <para>Why: chDB holds the calling thread for the whole query. On the pool, a few slow queries took the few
/// threads a 2-core machine starts with, and everything else in the process — consume loops' continuations,
/// Kestrel's requests, a regulator command poll — queued behind them until the pool grew (seconds). A new thread
/// costs tens of microseconds; a query costs milliseconds at least, and the runner's slots bound how many run.</para>
/// </summary>
internal static class EngineThread
{
    public static Task<T> RunAsync<T>(Func<T> call, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(call, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
