namespace DataPlatform.Engines.Kafka;

/// <summary>Shape of the in-process librdkafka mock cluster started by <see cref="EmbeddedKafka.Start"/>.</summary>
public sealed class EmbeddedKafkaOptions
{
    /// <summary>
    /// Number of mock brokers (ids 1..N), each on its own random 127.0.0.1 port. Defaults to 3 so that
    /// partition leadership, coordinators and broker-down faults spread over several connections as
    /// they would on a real cluster.
    /// </summary>
    public int Brokers { get; set; } = 3;

    /// <summary>
    /// Partition count used by <see cref="EmbeddedKafka.CreateTopic(string)"/>. Defaults to 16 because
    /// each mock partition silently drops its oldest data beyond 5 MiB or 100 000 batches; 16 keeps
    /// about a million small messages. Topics that clients auto-create always get the mock's fixed 4.
    /// </summary>
    public int DefaultPartitions { get; set; } = 16;

    /// <summary>Topics created before <see cref="EmbeddedKafka.Start"/> returns: name → partition count.</summary>
    public IDictionary<string, int> Topics { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// The broker setting group.initial.rebalance.delay.ms. Defaults to 0: the mock otherwise holds the
    /// first join of every new group open for seconds, which only slows tests and startup down.
    /// </summary>
    public int GroupInitialRebalanceDelayMs { get; set; }

    /// <summary>A real broker's group.initial.rebalance.delay.ms (3 s). A process that starts several consumers of one
    /// group (standalone's roles) wants it: they join in one rebalance instead of one each, and an eager rebalance
    /// takes every partition from every member, so each further join makes the ledger writer reload its lanes and
    /// handle again the batch whose commit the rebalance refused.</summary>
    public const int BrokerDefaultInitialRebalanceDelayMs = 3000;

    /// <summary>
    /// Receives the log lines of the client that hosts the mock (e.g. its "Mock cluster enabled" notice).
    /// Null discards them: they describe the host's own connections, not the clients using the cluster.
    /// </summary>
    public Action<string>? Log { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Brokers, 1, nameof(Brokers));
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPartitions, 1, nameof(DefaultPartitions));
        ArgumentOutOfRangeException.ThrowIfNegative(GroupInitialRebalanceDelayMs, nameof(GroupInitialRebalanceDelayMs));
        foreach (var (name, partitions) in Topics)
        {
            TopicName.Validate(name);
            ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1, $"{nameof(Topics)}[{name}]");
        }
    }
}
