using System.Security.Cryptography;
using DataPlatform.Engines.ClickHouse;

namespace DataPlatform.Cli.Standalone;

/// <summary>
/// The embedded ClickHouse endpoint's two users and where their passwords live: generated at the first start
/// into <c>DIR/credentials/</c> (folder 0700, files 0600 — only the account running the platform reads them),
/// outside the engine's data folder. The roles connect as the read-write service user; <c>dataplatform sql</c>,
/// Grafana and analysts as <c>analyst</c>, whose every request the engine runs with <c>readonly = 1</c>.
/// </summary>
public sealed record ClickHouseCredentials(ClickHouseUser Service, ClickHouseUser Analyst)
{
    public const string ServiceUser = "dataplatform";
    public const string AnalystUser = "analyst";
    public const string FolderName = "credentials";
    private const string ServiceFile = "clickhouse-service.password";
    private const string AnalystFile = "clickhouse-analyst.password";

    /// <summary>Environment variable naming the standalone data folder for commands run apart from it.</summary>
    public const string DataDirectoryVariable = "DATAPLATFORM_DATA";

    public IReadOnlyList<ClickHouseUser> Users => [Service, Analyst];

    /// <summary>Settings that make a role connect as the service user and its SQL console as the analyst.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ClickHouse:Username"] = Service.Name,
        ["ClickHouse:Password"] = Service.Password,
        ["Analytics:Sql:Username"] = Analyst.Name,
        ["Analytics:Sql:Password"] = Analyst.Password,
    };

    public static string Folder(string dataDirectory) => Path.Combine(dataDirectory, FolderName);

    /// <summary>The passwords of <paramref name="dataDirectory"/>, generated and stored on first use.</summary>
    public static ClickHouseCredentials LoadOrCreate(string dataDirectory)
    {
        var folder = Folder(dataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new ClickHouseCredentials(
            new ClickHouseUser(ServiceUser, ReadOrCreate(Path.Combine(folder, ServiceFile)), ReadOnly: false),
            new ClickHouseUser(AnalystUser, ReadOrCreate(Path.Combine(folder, AnalystFile)), ReadOnly: true));
    }

    /// <summary>The stored passwords, or null when <paramref name="dataDirectory"/> has none (no standalone ran there).</summary>
    public static ClickHouseCredentials? TryLoad(string dataDirectory)
    {
        var folder = Folder(dataDirectory);
        var service = TryRead(Path.Combine(folder, ServiceFile));
        var analyst = TryRead(Path.Combine(folder, AnalystFile));
        return service is null || analyst is null
            ? null
            : new ClickHouseCredentials(new ClickHouseUser(ServiceUser, service, false), new ClickHouseUser(AnalystUser, analyst, true));
    }

    /// <summary>The local standalone's data folder: <c>DATAPLATFORM_DATA</c>, else the default one.</summary>
    public static string LocalDataDirectory() =>
        Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } given ? Path.GetFullPath(given) : StandaloneOptions.DefaultDataDirectory;

    private static string? TryRead(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadOrCreate(string path)
    {
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        // Hex: safe inside a ClickHouse.Driver connection string (no ';' or '=').
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.WriteLine(password);
        }

        return password;
    }
}
