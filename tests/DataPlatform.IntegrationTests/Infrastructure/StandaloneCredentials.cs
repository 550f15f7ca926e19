using DataPlatform.Cli.Standalone;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>How a test reaches a standalone (or `engines`) process's ClickHouse, which checks users: as its service
/// user, with the password the process generated into its data folder.</summary>
public static class StandaloneCredentials
{
    public static string ServiceConnectionString(int port, string dataDirectory, string? database = null)
    {
        var service = ClickHouseCredentials.TryLoad(dataDirectory)?.Service
            ?? throw new InvalidOperationException($"no ClickHouse credentials in {dataDirectory}");
        var text = $"Host=127.0.0.1;Port={port};Username={service.Name};Password={service.Password}";
        return database is null ? text : text + $";Database={database}";
    }

    /// <summary>Environment for a CLI command run against the standalone of <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string> Environment(string dataDirectory) =>
        new Dictionary<string, string> { [ClickHouseCredentials.DataDirectoryVariable] = dataDirectory };
}
