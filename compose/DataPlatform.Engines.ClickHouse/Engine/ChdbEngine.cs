using DataPlatform.Engines.ClickHouse.Native;

namespace DataPlatform.Engines.ClickHouse.Engine;

/// <summary>
/// The chDB engine of this process. chDB boots once per process for one data directory: a second
/// path is refused, and closing the last connection shuts the engine down, which is not safe to repeat.
/// So the engine keeps an anchor connection open for the life of the process.
/// </summary>
internal sealed class ChdbEngine
{
    private static readonly Lock Gate = new();
    private static ChdbEngine? current;

    private readonly ChdbNative native;
    private readonly nint anchor;
    private readonly string[] connectArguments;

    private ChdbEngine(ChdbNative native, string dataPath, IReadOnlyList<string> serverSettings)
    {
        this.native = native;
        DataPath = dataPath;
        // Every connection passes the same arguments: the server settings take effect when the first one boots.
        connectArguments = ["clickhouse", $"--path={dataPath}", .. serverSettings];
        anchor = native.Connect(connectArguments);
        if (anchor == 0)
        {
            throw new InvalidOperationException($"chDB could not open '{dataPath}' (is another process using it?)");
        }

        using var zone = new ChdbSession(native, anchor, isAnchor: true);
        ServerTimezone = zone.QueryScalar("SELECT timezone()") ?? "UTC";
        ServerVersion = zone.QueryScalar("SELECT version()") ?? ChdbLibrary.Version;
    }

    public string DataPath { get; }

    /// <summary>Whether an engine was booted in this process.</summary>
    public static bool IsOpen
    {
        get
        {
            lock (Gate) return current is not null;
        }
    }

    public string ServerTimezone { get; }

    public string ServerVersion { get; }

    /// <summary>Returns the process's engine, booting it on first use with <paramref name="serverSettings"/>
    /// (<c>--name=value</c> server configuration); a running engine keeps the settings it booted with.</summary>
    /// <exception cref="InvalidOperationException">The engine is already open for a different path.</exception>
    public static ChdbEngine Open(string dataPath, string? libraryPath, IReadOnlyList<string> serverSettings)
    {
        var fullPath = Path.GetFullPath(dataPath);
        lock (Gate)
        {
            if (current is not null)
            {
                return current.DataPath == fullPath
                    ? current
                    : throw new InvalidOperationException($"chDB is already open for '{current.DataPath}' in this process; one data directory per process");
            }

            Directory.CreateDirectory(fullPath);
            var native = ChdbNative.Load(ChdbLibrary.EnsureAvailable(libraryPath));
            return current = new ChdbEngine(native, fullPath, serverSettings);
        }
    }

    /// <summary>Opens another session on the engine; each has its own settings and current database.</summary>
    public ChdbSession OpenSession()
    {
        var connection = native.Connect(connectArguments);
        return connection == 0
            ? throw new InvalidOperationException("chDB refused a new connection")
            : new ChdbSession(native, connection, isAnchor: false);
    }
}
