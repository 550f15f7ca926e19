using ClickHouse.Driver;
using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.Kafka;
using DataPlatform.Ingest.Http;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>The platform's real hosts on the real engines, wired as the CLI wires them, with a ledger
/// database and a Kafka cluster of the test's own.</summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private TestPlatform(EnginesFixture engines, EmbeddedKafka kafka, string database)
    {
        Engines = engines;
        Kafka = kafka;
        Database = database;
        Client = new ClickHouseClient(engines.ClickHouse.ConnectionString + $";Database={database}");
    }

    public EnginesFixture Engines { get; }

    public EmbeddedKafka Kafka { get; }

    public string Database { get; }

    /// <summary>ClickHouse.Driver on the test's ledger database.</summary>
    public ClickHouseClient Client { get; }

    public static TestPlatform Create(EnginesFixture engines)
    {
        var options = new EmbeddedKafkaOptions();
        options.Topics[Topics.GateRaw] = 6;
        options.Topics[Topics.DeadLetter] = 2;
        return new TestPlatform(engines, EmbeddedKafka.Start(options), "t_" + Guid.NewGuid().ToString("N")[..12]);
    }

    public Dictionary<string, string?> Settings(string? journal = null) => new()
    {
        ["Kafka:BootstrapServers"] = Kafka.BootstrapServers,
        ["Kafka:MockCluster"] = "true",
        ["ClickHouse:Endpoint"] = Engines.ClickHouse.Endpoint.ToString(),
        ["ClickHouse:Database"] = Database,
        ["Ingest:Urls"] = "http://127.0.0.1:0",
        ["Analytics:Urls"] = "http://127.0.0.1:0",
        ["Ingest:JournalDirectory"] = journal ?? "",
        ["Processing:MaxBatchDelayMs"] = "50",
        // Keep the decision service's policy snapshot out of the user's home directory.
        ["Processing:Decisions:StatePath"] = Path.Combine(Path.GetTempPath(), "dataplatform-tests", Database, "policy-state.json"),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:DataPlatform"] = Environment.GetEnvironmentVariable("DATAPLATFORM_TEST_LOG_LEVEL") ?? "Warning",
    };

    /// <summary>Builds and starts a host running <paramref name="roles"/>; stopped when the platform is disposed.</summary>
    public Task<IHost> StartAsync(PlatformRole roles, string? journal = null) => StartAsync(roles, new Dictionary<string, string?>(), journal);

    /// <summary>Builds and starts a host running <paramref name="roles"/> with <paramref name="extra"/> settings over the
    /// platform's own; stopped when the platform is disposed.</summary>
    public async Task<IHost> StartAsync(PlatformRole roles, IReadOnlyDictionary<string, string?> extra, string? journal = null)
    {
        var settings = Settings(journal);
        foreach (var (key, value) in extra) settings[key] = value;
        var host = await StartHostAsync(settings, roles);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Builds and starts a host running <paramref name="roles"/> with exactly <paramref name="settings"/>
    /// (usually <see cref="Settings"/> with a test's own on top), logging as tests log. The caller stops and
    /// disposes it.</summary>
    public static async Task<IHost> StartHostAsync(Dictionary<string, string?> settings, PlatformRole roles)
    {
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        TestLogging.Configure(builder.Logging);
        builder.AddDataPlatform(roles);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    public static Uri IngestUri(IHost host) => new(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);

    public async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await Client.ExecuteScalarAsync(sql));

    /// <summary>Polls <paramref name="sql"/> until it returns <paramref name="expected"/> or the time is up;
    /// returns the last value so the assertion shows what was there.</summary>
    public async Task<long> WaitForAsync(string sql, long expected, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        long value;
        while ((value = await ScalarAsync(sql)) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        return value;
    }

    public async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
        _hosts.Remove(host);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.ToList()) await StopAsync(host);
        Client.Dispose();
        Kafka.Dispose();
    }
}
