using DataPlatform.Cli.Hosting;
using DataPlatform.Engines.ClickHouse;
using DataPlatform.Engines.Kafka;
using DataPlatform.Ingest.Http;
using DataPlatform.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Standalone;

/// <summary>
/// Every role in one process on embedded engines: chDB behind a ClickHouse HTTP endpoint and librdkafka's mock
/// cluster. The stages are the same code as in the distributed deployment; only the addresses differ.
/// </summary>
public sealed class StandalonePlatform : IAsyncDisposable
{
    private readonly EmbeddedClickHouse _clickHouse;
    private readonly EmbeddedKafka _kafka;

    private StandalonePlatform(EmbeddedClickHouse clickHouse, EmbeddedKafka kafka, IHost host)
    {
        _clickHouse = clickHouse;
        _kafka = kafka;
        Host = host;
    }

    public IHost Host { get; }

    public Uri ClickHouseEndpoint => _clickHouse.Endpoint;

    public string KafkaBootstrapServers => _kafka.BootstrapServers;

    /// <summary>Cancelled when the host is asked to stop: its console lifetime takes Ctrl-C and SIGTERM.</summary>
    public CancellationToken Stopping => Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public Uri IngestEndpoint => new(Host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);

    public static async Task<StandalonePlatform> StartAsync(StandaloneOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        Directory.CreateDirectory(options.DataDirectory);
        await FetchEngineAsync(progress, ct);
        progress?.Report("启动嵌入式 ClickHouse (chDB) …");
        var clickHouse = await EmbeddedClickHouse.StartAsync(new EmbeddedClickHouseOptions
        {
            DataPath = Path.Combine(options.DataDirectory, "clickhouse"),
            Port = options.ClickHousePort,
        }, ct);

        progress?.Report("启动嵌入式 Kafka (librdkafka mock cluster) …");
        var kafkaOptions = new EmbeddedKafkaOptions();
        kafkaOptions.Topics[Topics.GateRaw] = options.RawPartitions;
        kafkaOptions.Topics[Topics.DeadLetter] = Topics.DefaultPartitions[Topics.DeadLetter];
        var kafka = EmbeddedKafka.Start(kafkaOptions);
        await File.WriteAllTextAsync(Path.Combine(options.DataDirectory, "kafka.bootstrap"), kafka.BootstrapServers + "\n", ct);

        var settings = new Dictionary<string, string?>(options.Settings)
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Kafka:MockCluster"] = "true",
            ["ClickHouse:Endpoint"] = clickHouse.Endpoint.ToString(),
            ["Ingest:Urls"] = options.IngestUrls,
            // The mock broker lives in memory: the journal is what makes an acknowledged event survive a crash.
            ["Ingest:JournalDirectory"] = Path.Combine(options.DataDirectory, "journal"),
        };
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        builder.AddDataPlatform(PlatformRole.All);
        var host = builder.Build();
        progress?.Report("启动数据平台服务 (ingest, processing, analytics) …");
        await host.StartAsync(ct);
        return new StandalonePlatform(clickHouse, kafka, host);
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
        await Host.StopAsync(TimeSpan.FromSeconds(15));
        Host.Dispose();
        _kafka.Dispose();
        await _clickHouse.DisposeAsync();
    }
}
