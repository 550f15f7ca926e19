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

    private StandalonePlatform(EmbeddedEngines engines, IHost host, RegulatorPlatformSimulator? regulator)
    {
        _engines = engines;
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

    /// <summary>The web cockpit on the analytics listener.</summary>
    public Uri CockpitEndpoint => new(new Uri(Host.Services.GetRequiredService<AnalyticsHttpServer>().Urls[0]), CockpitEndpoints.Path);

    public static async Task<StandalonePlatform> StartAsync(StandaloneOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var engines = await EmbeddedEngines.StartAsync(options.DataDirectory, options.ClickHousePort, options.RawPartitions, progress, ct);
        var settings = new Dictionary<string, string?>(options.Settings)
        {
            ["Ingest:Urls"] = options.IngestUrls,
            // The mock broker lives in memory: the journal is what makes an acknowledged event survive a crash.
            ["Ingest:JournalDirectory"] = Path.Combine(options.DataDirectory, "journal"),
        };
        foreach (var (key, value) in engines.ClientSettings) settings[key] = value;
        var regulator = options.SimulatedRegulatorEnterprise is { Length: > 0 } enterprise
            ? await SimulatedRegulator.StartAsync(options.DataDirectory, enterprise, settings, ct)
            : null;
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        builder.AddDataPlatform(PlatformRole.All);
        var host = builder.Build();
        progress?.Report("启动数据平台服务 (ingest, processing, analytics) …");
        await host.StartAsync(ct);
        return new StandalonePlatform(engines, host, regulator);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(15));
        Host.Dispose();
        if (Regulator is not null) await Regulator.DisposeAsync();
        await _engines.DisposeAsync();
    }
}
