using DataPlatform.Analytics.Http;
using DataPlatform.Cli.Hosting;
using DataPlatform.Cockpit;
using DataPlatform.Ingest.Http;
using DataPlatform.RegulatorSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Cli.Standalone;

/// <summary>
/// Every role in one process on the embedded engines. The stages are the same code as in the distributed
/// deployment; only the addresses differ.
/// </summary>
public sealed class StandalonePlatform : IAsyncDisposable
{
    private readonly EmbeddedEngines _engines;

    private readonly string _dataDirectory;

    private StandalonePlatform(EmbeddedEngines engines, IHost host, RegulatorPlatformSimulator? regulator, string dataDirectory)
    {
        _engines = engines;
        _dataDirectory = dataDirectory;
        Host = host;
        Regulator = regulator;
    }

    /// <summary>The simulated regulator platform the bridge uploads to, when one was asked for.</summary>
    public RegulatorPlatformSimulator? Regulator { get; }

    public IHost Host { get; }

    public Uri ClickHouseEndpoint => _engines.ClickHouse.Endpoint;

    public string KafkaBootstrapServers => _engines.Kafka.BootstrapServers;

    /// <summary>Cancelled when the host is asked to stop: its console lifetime takes Ctrl-C and SIGTERM.</summary>
    public CancellationToken Stopping => Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public Uri IngestEndpoint => new(Host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);

    public Uri AnalyticsEndpoint => new(Host.Services.GetRequiredService<AnalyticsHttpServer>().Urls[0]);

    /// <summary>The web cockpit on the analytics listener.</summary>
    public Uri CockpitEndpoint => new(AnalyticsEndpoint, CockpitEndpoints.Path);

    /// <summary>What this process serves, for <see cref="LocalEndpoints"/>: the engines, ingest and, with
    /// registered devices, their token.</summary>
    public IReadOnlyDictionary<string, string?> Endpoints(string? deviceToken)
    {
        var endpoints = new Dictionary<string, string?>(_engines.ClientSettings) { [LocalEndpoints.IngestUrlKey] = IngestEndpoint.ToString() };
        if (deviceToken is not null) endpoints[LocalEndpoints.DeviceTokenKey] = deviceToken;
        return endpoints;
    }

    public static async Task<StandalonePlatform> StartAsync(StandaloneOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var configuration = DataPlatformHostingExtensions.CreateBuilder().Configuration;
        var memory = StandaloneMemory.Bind(options, configuration);
        // Before the engines and Kafka clients allocate: glibc fixes a block's home when it is allocated.
        NativeHeap.KeepLargeBlocksOut(mmapThresholdBytes: 256 << 10, trimThresholdBytes: 4 << 20);
        var engines = await EmbeddedEngines.StartAsync(options.DataDirectory, options.ClickHousePort, options.TopicPartitions,
            memory.ClickHouse, progress, ct);
        var settings = new Dictionary<string, string?>(options.Settings)
        {
            ["Ingest:Urls"] = options.IngestUrls,
            ["Analytics:Urls"] = options.AnalyticsUrls,
            // The mock broker lives in memory: the journal is what makes an acknowledged event survive a crash.
            ["Ingest:JournalDirectory"] = Path.Combine(options.DataDirectory, "journal"),
        };
        foreach (var (key, value) in engines.ClientSettings) settings[key] = value;
        var configured = SimulatedRegulator.IsConfiguredElsewhere(configuration);
        // A configured regulator still gets standalone's pictures unless the settings name another store.
        if (configured && string.IsNullOrEmpty(configuration["RegulatorBridge:PictureDirectory"]))
            settings["RegulatorBridge:PictureDirectory"] = Path.Combine(options.DataDirectory, "pictures");
        var regulator = options.SimulatedRegulatorEnterprise is { Length: > 0 } enterprise && !configured
            ? await SimulatedRegulator.StartAsync(options.DataDirectory, enterprise, settings, ct)
            : null;
        if (configured) progress?.Report("监管平台: 使用已配置的 RegulatorBridge 设置, 不启动内置模拟器 (regulator link: the configured RegulatorBridge__* settings; no built-in simulator)");
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        builder.AddDataPlatform(PlatformRole.All);
        if (memory.MallocTrimSeconds > 0)
            builder.Services.AddHostedService(_ => new NativeHeapTrimming(TimeSpan.FromSeconds(memory.MallocTrimSeconds), TimeProvider.System));
        var host = builder.Build();
        progress?.Report("启动数据平台服务 (ingest, processing, analytics) …");
        await host.StartAsync(ct);
        var platform = new StandalonePlatform(engines, host, regulator, options.DataDirectory);
        await LocalEndpoints.WriteAsync(options.DataDirectory, platform.Endpoints(options.DeviceToken), ct);
        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        LocalEndpoints.Remove(_dataDirectory);
        await Host.StopAsync(TimeSpan.FromSeconds(15));
        Host.Dispose();
        if (Regulator is not null) await Regulator.DisposeAsync();
        await _engines.DisposeAsync();
    }
}
