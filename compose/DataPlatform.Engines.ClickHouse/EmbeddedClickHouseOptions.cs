namespace DataPlatform.Engines.ClickHouse;

/// <summary>How to start an <see cref="EmbeddedClickHouse"/> endpoint.</summary>
public sealed class EmbeddedClickHouseOptions
{
    /// <summary>
    /// The engine's data directory (created if missing). chDB allows one data directory per process
    /// and locks it against other processes; data persists across restarts.
    /// </summary>
    public required string DataPath { get; init; }

    /// <summary>
    /// Who may connect. Empty: anyone, as an unrestricted <c>default</c> user (tests, a private loopback
    /// engine). Otherwise every request must name one of these users with its password, and a read-only
    /// user's requests run with <c>readonly = 1</c> forced.
    /// </summary>
    public IReadOnlyList<ClickHouseUser> Users { get; init; } = [];

    /// <summary>Address to listen on. Defaults to loopback.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; ClickHouse's HTTP default 8123. 0 picks a free port (see <see cref="EmbeddedClickHouse.Endpoint"/>).</summary>
    public int Port { get; init; } = 8123;

    /// <summary>Queries executed at once; further requests wait for a slot. Each holds its result in memory until sent.</summary>
    public int MaxConcurrentQueries { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Largest accepted request body in bytes, as sent (before decompression).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Path of libchdb.so to load instead of the cached copy; when the file is missing it is fetched
    /// there. Null follows <see cref="ChdbLibrary.ResolveTargetPath"/>.
    /// </summary>
    public string? LibraryPath { get; init; }

    /// <summary>The engine's server-level memory settings (caches, idle threads, memory cap), applied when this
    /// start boots the engine; a later start in the same process reuses the engine as it was booted.</summary>
    public EngineMemoryOptions Memory { get; init; } = EngineMemoryOptions.ServerDefaults;

    /// <summary>Folder for INSERT data on its way into the engine (files live for one query). Null uses the system temp folder.</summary>
    public string? SpoolPath { get; init; }
}
