using DataPlatform.Engines.ClickHouse;
using DataPlatform.Engines.Kafka;
using DataPlatform.Streams;

namespace DataPlatform.Cli.Standalone;

/// <summary>
/// The two embedded engines on loopback — chDB behind a ClickHouse HTTP endpoint and librdkafka's mock
/// cluster — with every topic created. Standalone mode runs the roles next to them; <c>dataplatform engines</c>
/// runs them alone so role processes (<c>dataplatform processing</c>, ...) can be started, killed and restarted
/// against them as in the distributed deployment.
/// </summary>
public sealed class EmbeddedEngines : IAsyncDisposable
{
    private EmbeddedEngines(EmbeddedClickHouse clickHouse, EmbeddedKafka kafka, ClickHouseCredentials credentials)
    {
        ClickHouse = clickHouse;
        Kafka = kafka;
        Credentials = credentials;
    }

    /// <summary>The endpoint's users (service, analyst) and their passwords, kept in <c>DIR/credentials/</c>.</summary>
    public ClickHouseCredentials Credentials { get; }

    public EmbeddedClickHouse ClickHouse { get; }

    public EmbeddedKafka Kafka { get; }

    /// <summary>Configuration that points every role at these engines.</summary>
    public IReadOnlyDictionary<string, string?> ClientSettings => new Dictionary<string, string?>(Credentials.Settings)
    {
        ["Kafka:BootstrapServers"] = Kafka.BootstrapServers,
        ["Kafka:MockCluster"] = "true",
        ["ClickHouse:Endpoint"] = ClickHouse.Endpoint.ToString(),
    };

    public static async Task<EmbeddedEngines> StartAsync(string dataDirectory, int clickHousePort, IReadOnlyDictionary<string, int> topicPartitions,
        EngineMemoryOptions clickHouseMemory, IProgress<string>? progress, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        await FetchEngineAsync(progress, ct);
        progress?.Report("启动嵌入式 ClickHouse (chDB) …");
        var credentials = ClickHouseCredentials.LoadOrCreate(dataDirectory);
        var clickHouse = await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions
        {
            DataPath = Path.Combine(dataDirectory, "clickhouse"),
            Port = clickHousePort,
            Users = credentials.Users,
            Memory = clickHouseMemory,
        }, ct);

        progress?.Report("启动嵌入式 Kafka (librdkafka mock cluster) …");
        // The roles' consumers of one group start together: they join in one rebalance, as against a real broker.
        var kafkaOptions = new EmbeddedKafkaOptions { GroupInitialRebalanceDelayMs = EmbeddedKafkaOptions.BrokerDefaultInitialRebalanceDelayMs };
        foreach (var (topic, partitions) in topicPartitions) kafkaOptions.Topics[topic] = partitions;
        var kafka = EmbeddedKafka.Start(kafkaOptions);

        var engines = new EmbeddedEngines(clickHouse, kafka, credentials);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "kafka.bootstrap"), kafka.BootstrapServers + "\n", ct);
        // Environment variables a role process needs, e.g. `set -a; . DIR/engines.env; dataplatform processing`.
        // It holds the service password: readable by the platform's account only.
        var environment = Path.Combine(dataDirectory, "engines.env");
        await File.WriteAllLinesAsync(environment,
            engines.ClientSettings.Select(kv => $"{kv.Key.Replace(":", "__", StringComparison.Ordinal)}={kv.Value}"), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(environment, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return engines;
    }

    /// <summary>The first start downloads chDB (~170 MB); say so and show that it is moving.</summary>
    private static async Task FetchEngineAsync(IProgress<string>? progress, CancellationToken ct)
    {
        if (File.Exists(ChdbLibrary.ResolveTargetPath())) return;
        progress?.Report($"首次启动: 正在通过 npm 获取 chDB {ChdbLibrary.Version} 引擎 (约 170 MB, 校验后解压到 {Path.GetDirectoryName(ChdbLibrary.ResolveTargetPath())}) …");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fetch = Task.Run(() => ChdbLibrary.EnsureAvailable(), ct);
        while (await Task.WhenAny(fetch, Task.Delay(TimeSpan.FromSeconds(5), ct)) != fetch)
            progress?.Report($"  … {clock.Elapsed.TotalSeconds:F0} s");
        await fetch;
        progress?.Report($"  chDB 已就绪 ({clock.Elapsed.TotalSeconds:F0} s)");
    }

    public async ValueTask DisposeAsync()
    {
        Kafka.Dispose();
        await ClickHouse.DisposeAsync();
    }
}
