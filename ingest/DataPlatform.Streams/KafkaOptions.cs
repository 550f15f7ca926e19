using Confluent.Kafka;

namespace DataPlatform.Streams;

/// <summary>How every stage reaches Kafka. Bound from the <c>Kafka</c> configuration section.</summary>
public sealed class KafkaOptions
{
    /// <summary>Bootstrap servers, e.g. <c>kafka:9092</c>; standalone mode fills this with the embedded broker.</summary>
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    /// <summary>
    /// True against librdkafka's mock cluster: its group coordinator needs short sessions and an eager
    /// assignor, otherwise the first join waits for the default 45 s session timeout.
    /// </summary>
    public bool MockCluster { get; set; }

    /// <summary>Extra librdkafka properties applied to every client (security, timeouts).</summary>
    public Dictionary<string, string> Properties { get; set; } = new();

    public ProducerConfig Producer(string clientId) => Apply(new ProducerConfig
    {
        ClientId = clientId,
        // A device is acknowledged only when its event is durable: acks=all plus idempotence keeps retries
        // from writing a record twice or out of order within a partition.
        Acks = Acks.All,
        EnableIdempotence = true,
        LingerMs = 2,
        CompressionType = CompressionType.Lz4,
    });

    public ConsumerConfig Consumer(string groupId, string clientId)
    {
        var config = Apply(new ConsumerConfig
        {
            GroupId = groupId,
            ClientId = clientId,
            // Offsets are committed by the stage itself, only after its output is acknowledged downstream.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
        });
        if (MockCluster)
        {
            config.SessionTimeoutMs = 6000;
            config.HeartbeatIntervalMs = 500;
        }
        return config;
    }

    private T Apply<T>(T config) where T : ClientConfig
    {
        config.BootstrapServers = BootstrapServers;
        foreach (var (key, value) in Properties) config.Set(key, value);
        return config;
    }
}
