using DataPlatform.Engines.Kafka;
using DataPlatform.Ingest.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Tests;

/// <summary>The real ingest role (AddIngest, its Kestrel listener on a free port) on an embedded Kafka mock cluster
/// with one-partition topics and a picture directory of its own. A class fixture names its topics and adds its
/// devices and operators in <see cref="Configure"/>; starting it is the slow part, so test classes share one.</summary>
public abstract class IngestTestHost(string name, params string[] topics) : IAsyncLifetime
{
    public EmbeddedKafka Kafka { get; } = StartKafka(topics);

    public string PictureDirectory { get; } = Path.Combine(Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N"));

    public IHost Host { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public Uri Base { get; private set; } = null!;

    /// <summary>Adds the fixture's own settings to the ones every ingest test host has.</summary>
    protected abstract void Configure(Dictionary<string, string?> settings);

    public virtual async Task InitializeAsync()
    {
        var settings = Settings(Kafka);
        settings["Ingest:PictureDirectory"] = PictureDirectory;
        Configure(settings);
        Host = await StartAsync(settings);
        Base = BaseUri(Host);
    }

    public virtual async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Http.Dispose();
        Kafka.Dispose();
        if (Directory.Exists(PictureDirectory)) Directory.Delete(PictureDirectory, recursive: true);
    }

    public static EmbeddedKafka StartKafka(IEnumerable<string> topics)
    {
        var options = new EmbeddedKafkaOptions();
        foreach (var topic in topics) options.Topics[topic] = 1;
        return EmbeddedKafka.Start(options);
    }

    /// <summary>What every ingest test host is configured with: the mock cluster and a free port.</summary>
    public static Dictionary<string, string?> Settings(EmbeddedKafka kafka) => new()
    {
        ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
        ["Kafka:MockCluster"] = "true",
        ["Ingest:Urls"] = "http://127.0.0.1:0",
    };

    /// <summary>Registers device number <paramref name="index"/> of the test enterprise; its credential is the caller's.</summary>
    public static void AddDevice(
        Dictionary<string, string?> settings, int index, string deviceId, string kind, string gateId, string laneId, string direction)
    {
        settings[$"Ingest:Devices:{index}:DeviceId"] = deviceId;
        settings[$"Ingest:Devices:{index}:Kind"] = kind;
        settings[$"Ingest:Devices:{index}:EnterpriseId"] = "E1302001";
        settings[$"Ingest:Devices:{index}:GateId"] = gateId;
        settings[$"Ingest:Devices:{index}:LaneId"] = laneId;
        settings[$"Ingest:Devices:{index}:Direction"] = direction;
    }

    /// <summary>Builds and starts the ingest role with <paramref name="settings"/> only (no appsettings, no console log).</summary>
    public static async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIngest();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static Uri BaseUri(IHost host) => new(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);
}
