using Confluent.Kafka;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Tests;

/// <summary>The real ingest role (AddIngest, its Kestrel listener) on an embedded Kafka mock cluster, with two
/// registered cameras and a generic device. Shared by the endpoint tests: starting it is the slow part.</summary>
public sealed class IngestHostFixture() : IngestTestHost("ingest-tests", Topics.GateRaw, Topics.DeadLetter, Topics.DeviceEvents)
{
    public const int SilenceSeconds = 2;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Ingest:DeviceSilenceSeconds"] = SilenceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AddDevice(settings, 0, Fixtures.Hikvision.DeviceId, "camera-hikvision", "G01", "L1", "1");
        settings["Ingest:Devices:0:Token"] = "hik-token";
        AddDevice(settings, 1, Fixtures.Dahua.DeviceId, "camera-dahua", "G02", "L2", "out");
        settings["Ingest:Devices:1:HmacSecret"] = "dh-secret";
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
}
