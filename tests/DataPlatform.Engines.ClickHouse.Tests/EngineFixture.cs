using ClickHouse.Driver;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>
/// One engine for the whole test assembly: chDB boots once per process and one data directory per
/// process, so every test class shares it and isolates itself with its own database.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"dataplatform-chdb-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>The engine's data directory: another endpoint on the same engine (e.g. with users) starts with it.</summary>
    public string DataPath => dataPath;

    public EmbeddedClickHouse Server { get; private set; } = null!;

    public ClickHouseClient Client { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions { DataPath = dataPath, Port = 0 });
        Client = new ClickHouseClient(Server.ConnectionString);
        Http.BaseAddress = Server.Endpoint;
    }

    /// <summary>Creates a fresh database for one test.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await Client.ExecuteNonQueryAsync($"CREATE DATABASE {name}");
        return name;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        // The engine keeps the directory open until the process ends, so it is left for the OS temp cleaner.
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "chDB engine";
}
