using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace DataPlatform.Cli.Hosting;

/// <summary>
/// <c>DIR/endpoints.env</c>: what a local <c>dataplatform standalone</c> (or <c>engines</c>) serves — ClickHouse
/// endpoint, Kafka bootstrap servers, ingest URL, device token — written by it at start and removed at a clean stop,
/// so the one-shot commands (<c>review</c>, <c>alarms</c>, <c>sql</c>, <c>health</c> …) find it without options.
/// Order, lowest first: appsettings.json, this file, environment variables, command-line options. The data folder
/// is <c>DATAPLATFORM_DATA</c> when set, else standalone's default.
/// </summary>
public static class LocalEndpoints
{
    public const string FileName = "endpoints.env";

    /// <summary>Names the data folder whose endpoints the one-shot commands use.</summary>
    public const string DataVariable = "DATAPLATFORM_DATA";

    /// <summary>Keys (configuration paths) beyond the engines' client settings.</summary>
    public const string IngestUrlKey = "Ingest:Url";
    public const string DeviceTokenKey = "Ingest:DeviceToken";

    public static string DataDirectory =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } dir ? dir : Standalone.StandaloneOptions.DefaultDataDirectory;

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The settings the file may hold: addresses and the simulated devices' token — never a ClickHouse
    /// password (the engines' client settings may carry one; those stay in the data folder's own credentials).</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ClickHouse:Endpoint", "Kafka:BootstrapServers", "Kafka:MockCluster", IngestUrlKey, DeviceTokenKey,
    };

    /// <summary>Writes the file as <c>Section__Key=value</c> lines (also usable as <c>set -a; . DIR/endpoints.env</c>),
    /// readable by its owner only (it holds the device token).</summary>
    public static async Task WriteAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var path = PathIn(dataDirectory);
        await File.WriteAllLinesAsync(path, settings.Where(kv => kv.Value is not null && Keys.Contains(kv.Key))
            .Select(kv => $"{kv.Key.Replace(":", "__", StringComparison.Ordinal)}={kv.Value}"), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static void Remove(string dataDirectory)
    {
        try { File.Delete(PathIn(dataDirectory)); }
        catch (IOException) { /* a stale file only costs a clear "cannot reach" later */ }
    }

    /// <summary>The settings in <paramref name="dataDirectory"/>'s file (configuration paths with ':'); empty without one.</summary>
    public static IReadOnlyDictionary<string, string?> Read(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return settings;
        foreach (var line in File.ReadLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || line.StartsWith('#')) continue;
            settings[line[..equals].Trim().Replace("__", ":", StringComparison.Ordinal)] = line[(equals + 1)..].Trim();
        }
        return settings;
    }

    /// <summary>Adds the local standalone's endpoints below the environment variables of <paramref name="configuration"/>.</summary>
    public static IConfigurationBuilder AddLocalEndpoints(this IConfigurationBuilder configuration, string? dataDirectory = null)
    {
        var settings = Read(dataDirectory ?? DataDirectory);
        if (settings.Count == 0) return configuration;
        // Right after the settings files (appsettings*.json), so every environment source (which the host adds
        // after them; only the DOTNET_-prefixed one comes before) and every override still win.
        var lastFile = configuration.Sources.ToList().FindLastIndex(s => s is FileConfigurationSource);
        configuration.Sources.Insert(lastFile + 1, new MemoryConfigurationSource { InitialData = settings });
        return configuration;
    }
}
