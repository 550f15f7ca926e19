using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka;

/// <summary>
/// Client settings that make Confluent/librdkafka clients behave well against the librdkafka mock
/// cluster (<see cref="EmbeddedKafka"/>). Only mock-specific settings live here; bootstrap servers,
/// group ids, acks and the like stay with the caller.
/// </summary>
public static class KafkaMockClientSettings
{
    /// <summary>
    /// Applies the mock settings to <paramref name="config"/> and returns it. Consumer-only settings
    /// are applied when <paramref name="config"/> is a <see cref="ConsumerConfig"/>.
    /// </summary>
    public static TConfig Apply<TConfig>(TConfig config) where TConfig : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);

        // Fault hooks take brokers down and up again; with librdkafka's default 10 s maximum
        // reconnect backoff a client can sit idle long after the broker is back.
        config.ReconnectBackoffMaxMs = 1000;

        if (config is ConsumerConfig consumer)
        {
            // The session timeout and heartbeat settings below are classic-protocol settings; with the
            // KIP-848 "consumer" protocol librdkafka rejects them, so pin the protocol they belong to.
            consumer.GroupProtocol = GroupProtocol.Classic;
            // The mock coordinator holds a rebalance open until every known member rejoins or its
            // session expires, so each join or leave costs up to session.timeout.ms (45 s by default).
            // 6 s is a real broker's default group.min.session.timeout.ms, so the value stays valid there.
            consumer.SessionTimeoutMs = 6000;
            // Members learn about a rebalance only through heartbeat responses; 500 ms keeps joins short.
            consumer.HeartbeatIntervalMs = 500;
            // An eager assignor: CooperativeSticky's incremental rebalances got stuck on the mock.
            consumer.PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range;
        }
        return config;
    }
}
