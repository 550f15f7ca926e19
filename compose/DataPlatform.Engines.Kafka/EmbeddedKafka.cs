using Confluent.Kafka;
using DataPlatform.Engines.Kafka.Native;

namespace DataPlatform.Engines.Kafka;

/// <summary>
/// librdkafka's mock Kafka cluster hosted in this process. It speaks the Kafka wire protocol on
/// 127.0.0.1, so any Kafka client, in this process or another, can use <see cref="BootstrapServers"/>.
/// Everything lives in memory and disappears on <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Never call AdminClient CreateTopics (unsupported by the mock: use <see cref="CreateTopic(string, int)"/>)
/// or ListConsumerGroupsAsync (crashes the process) against this cluster. Clients should pass their
/// config through <see cref="KafkaMockClientSettings.Apply{TConfig}"/>.
/// </remarks>
public sealed class EmbeddedKafka : IDisposable
{
    /// <summary>Broker id that addresses every broker in the fault hooks.</summary>
    public const int AllBrokers = -1;

    private const int ErrTopicAlreadyExists = (int)ErrorCode.TopicAlreadyExists;
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    // Owns the mock cluster: librdkafka destroys the cluster together with this client.
    private readonly IProducer<byte[], byte[]> _host;
    private readonly IntPtr _cluster;
    private IAdminClient? _metadataClient;
    private bool _disposed;

    private EmbeddedKafka(IProducer<byte[], byte[]> host, IntPtr cluster, EmbeddedKafkaOptions options)
    {
        _host = host;
        _cluster = cluster;
        Brokers = options.Brokers;
        DefaultPartitions = options.DefaultPartitions;
        BootstrapServers = MockApi.Bootstraps(cluster);
    }

    /// <summary>Comma-separated 127.0.0.1:port list of the mock brokers; ports are random per start.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers; their ids are 1..<see cref="Brokers"/>.</summary>
    public int Brokers { get; }

    /// <summary>Partition count used by <see cref="CreateTopic(string)"/>.</summary>
    public int DefaultPartitions { get; }

    /// <summary>Starts a mock cluster and creates <see cref="EmbeddedKafkaOptions.Topics"/>.</summary>
    public static EmbeddedKafka Start(EmbeddedKafkaOptions? options = null)
    {
        options ??= new EmbeddedKafkaOptions();
        options.Validate();

        var config = new ProducerConfig { ClientId = "embedded-kafka-host" };
        config.Set("test.mock.num.brokers", options.Brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var log = options.Log;
        var host = new ProducerBuilder<byte[], byte[]>(config)
            .SetLogHandler((_, m) => log?.Invoke($"{m.Level} {m.Facility}: {m.Message}"))
            .SetErrorHandler((_, e) => log?.Invoke($"error {e.Code}: {e.Reason}"))
            .Build();
        try
        {
            var cluster = MockApi.MockClusterOf(ClientHandle.RawPointer(host));
            if (cluster == IntPtr.Zero)
            {
                throw new InvalidOperationException("librdkafka did not create a mock cluster for test.mock.num.brokers.");
            }
            MockApi.SetInitialRebalanceDelay(cluster, options.GroupInitialRebalanceDelayMs);
            var kafka = new EmbeddedKafka(host, cluster, options);
            foreach (var (name, partitions) in options.Topics)
            {
                kafka.CreateTopic(name, partitions);
            }
            return kafka;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Creates a topic with <see cref="DefaultPartitions"/> partitions (idempotent).</summary>
    public void CreateTopic(string name) => CreateTopic(name, DefaultPartitions);

    /// <summary>
    /// Creates a topic. Creating an existing topic with the same partition count is a no-op; with a
    /// different count it throws, because silently keeping the old count hides a configuration error.
    /// </summary>
    public void CreateTopic(string name, int partitions)
    {
        TopicName.Validate(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            ThrowIfDisposed();
            // Replication factor 1: the mock does not replicate, and leadership moves only through SetPartitionLeader.
            var err = MockApi.CreateTopic(_cluster, name, partitions, 1);
            if (err == ErrTopicAlreadyExists)
            {
                var existing = PartitionCountLocked(name);
                if (existing != partitions)
                {
                    throw new InvalidOperationException($"Topic '{name}' already exists with {existing} partitions, not {partitions}.");
                }
                return;
            }
            ThrowOnError(err, $"create topic '{name}'");
        }
    }

    /// <summary>
    /// Takes a broker (or <see cref="AllBrokers"/>) down: its connections drop and new ones are refused.
    /// Partition leadership does not move, so clients see the partitions it leads as unavailable.
    /// </summary>
    public void SetBrokerDown(int brokerId, bool down)
    {
        ValidateBroker(brokerId);
        Invoke(mc => down ? MockApi.SetBrokerDown(mc, brokerId) : MockApi.SetBrokerUp(mc, brokerId), "set broker state");
    }

    /// <summary>Delays every response of a broker (or <see cref="AllBrokers"/>) by <paramref name="rtt"/>.</summary>
    public void SetRtt(int brokerId, TimeSpan rtt)
    {
        ValidateBroker(brokerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(rtt, TimeSpan.Zero);
        Invoke(mc => MockApi.SetBrokerRtt(mc, brokerId, checked((int)rtt.TotalMilliseconds)), "set broker RTT");
    }

    /// <summary>Moves leadership of a partition to <paramref name="brokerId"/> (-1 leaves it leaderless).</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        TopicName.Validate(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ValidateBroker(brokerId);
        Invoke(mc => MockApi.SetPartitionLeader(mc, topic, partition, brokerId), "set partition leader");
    }

    /// <summary>
    /// Makes the next <c>errors.Length</c> requests of <paramref name="apiKey"/>, to any broker, fail
    /// with those codes in order. <see cref="ErrorCode.Local_Transport"/> makes the broker disconnect.
    /// </summary>
    public void PushRequestErrors(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var codes = errors.Select(e => (int)e).ToArray();
        Invoke(mc => { MockApi.PushRequestErrors(mc, (short)apiKey, codes); return 0; }, "push request errors");
    }

    /// <summary>Drops the errors still queued by <see cref="PushRequestErrors"/> for <paramref name="apiKey"/>.</summary>
    public void ClearRequestErrors(KafkaApiKey apiKey) =>
        Invoke(mc => { MockApi.ClearErrors(mc, (short)apiKey); return 0; }, "clear request errors");

    /// <summary>A producer config for this cluster with <see cref="KafkaMockClientSettings"/> applied.</summary>
    public ProducerConfig CreateProducerConfig() =>
        KafkaMockClientSettings.Apply(new ProducerConfig { BootstrapServers = BootstrapServers });

    /// <summary>A consumer config for this cluster with <see cref="KafkaMockClientSettings"/> applied.</summary>
    public ConsumerConfig CreateConsumerConfig(string groupId) =>
        KafkaMockClientSettings.Apply(new ConsumerConfig { BootstrapServers = BootstrapServers, GroupId = groupId });

    /// <summary>Stops the cluster; connected clients lose their connections and all data is gone.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            // The dependent client borrows the host's rd_kafka_t, so it must go first.
            _metadataClient?.Dispose();
            _host.Dispose();
        }
    }

    private int PartitionCountLocked(string name)
    {
        // Whole-cluster metadata: asking for one topic by name would register it with the host client.
        _metadataClient ??= new DependentAdminClientBuilder(_host.Handle).Build();
        var topic = _metadataClient.GetMetadata(MetadataTimeout).Topics.SingleOrDefault(t => t.Topic == name)
            ?? throw new InvalidOperationException($"Topic '{name}' exists in the mock but is missing from its metadata.");
        return topic.Partitions.Count;
    }

    private void Invoke(Func<IntPtr, int> call, string what)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            ThrowOnError(call(_cluster), what);
        }
    }

    private void ValidateBroker(int brokerId)
    {
        if (brokerId != AllBrokers && (brokerId < 1 || brokerId > Brokers))
        {
            throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"Broker ids are 1..{Brokers}, or {AllBrokers} for all.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static void ThrowOnError(int err, string what)
    {
        if (err != 0)
        {
            throw new KafkaException(new Error((ErrorCode)err, $"Mock cluster failed to {what}: {(ErrorCode)err}"));
        }
    }
}
