using Confluent.Kafka;
using DataPlatform.Engines.Kafka;
using DataPlatform.Ingest.Http;
using DataPlatform.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ingest.Tests;

/// <summary>The real ingest role (AddIngest, its Kestrel listener) on an embedded Kafka mock cluster, with two
/// registered cameras and a generic device. Shared by the endpoint tests: starting it is the slow part.</summary>
public sealed class IngestHostFixture : IAsyncLifetime
{
    public const int SilenceSeconds = 2;

    public EmbeddedKafka Kafka { get; } = EmbeddedKafka.Start(Options());

    public string PictureDirectory { get; } = Path.Combine(Path.GetTempPath(), "ingest-tests-" + Guid.NewGuid().ToString("N"));

    public IHost Host { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public Uri Base { get; private set; } = null!;

    private static EmbeddedKafkaOptions Options()
    {
        var options = new EmbeddedKafkaOptions();
        foreach (var topic in new[] { Topics.GateRaw, Topics.DeadLetter, Topics.DeviceEvents }) options.Topics[topic] = 1;
        return options;
    }

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = Kafka.BootstrapServers,
            ["Kafka:MockCluster"] = "true",
            ["Ingest:Urls"] = "http://127.0.0.1:0",
            ["Ingest:PictureDirectory"] = PictureDirectory,
            ["Ingest:DeviceSilenceSeconds"] = SilenceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:Devices:0:DeviceId"] = Fixtures.Hikvision.DeviceId,
            ["Ingest:Devices:0:Kind"] = "camera-hikvision",
            ["Ingest:Devices:0:EnterpriseId"] = "E1302001",
            ["Ingest:Devices:0:GateId"] = "G01",
            ["Ingest:Devices:0:LaneId"] = "L1",
            ["Ingest:Devices:0:Direction"] = "1",
            ["Ingest:Devices:0:Token"] = "hik-token",
            ["Ingest:Devices:1:DeviceId"] = Fixtures.Dahua.DeviceId,
            ["Ingest:Devices:1:Kind"] = "camera-dahua",
            ["Ingest:Devices:1:EnterpriseId"] = "E1302001",
            ["Ingest:Devices:1:GateId"] = "G02",
            ["Ingest:Devices:1:LaneId"] = "L2",
            ["Ingest:Devices:1:Direction"] = "out",
            ["Ingest:Devices:1:HmacSecret"] = "dh-secret",
        });
        builder.AddIngest();
        Host = builder.Build();
        await Host.StartAsync();
        Base = new Uri(Host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);
    }

    /// <summary>Reads <paramref name="topic"/> from the start until a record satisfies <paramref name="match"/>.</summary>
    public T WaitFor<T>(string topic, Func<byte[], T?> decode, Func<T, bool> match) where T : class
    {
        var config = Kafka.CreateConsumerConfig("test-" + Guid.NewGuid());
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message?.Value is { } value && decode(value) is { } item && match(item)) return item;
        }
        throw new Xunit.Sdk.XunitException($"no matching record on {topic}");
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Http.Dispose();
        Kafka.Dispose();
        if (Directory.Exists(PictureDirectory)) Directory.Delete(PictureDirectory, recursive: true);
    }
}
