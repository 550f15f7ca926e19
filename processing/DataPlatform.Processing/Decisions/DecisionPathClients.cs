using Confluent.Kafka;
using DataPlatform.Processing.Commands;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Decisions;

/// <summary>The Kafka clients of the decision path (<c>gate.raw</c> → decision → <c>gate.decisions</c>), set for
/// latency: a truck waits at the barrier for every decision. Only these two clients; every other stage keeps the
/// shared settings (<see cref="KafkaOptions"/>), which batch for throughput.</summary>
public static class DecisionPathClients
{
    // The embedded mock broker answers an empty fetch only after its full fetch.wait.max.ms (it cannot cut the wait
    // short when data arrives; a real broker does, so there the configured wait costs nothing): on the mock the wait
    // is pure latency, added to every decision that arrives while the consumer waits.
    private const int MockFetchWaitMaxMs = 1;

    public static ConsumerConfig Consumer(KafkaOptions kafka, DecisionOptions options)
    {
        var config = kafka.Consumer(options.GroupId, $"{options.GroupId}-{Environment.ProcessId}");
        config.FetchWaitMaxMs = kafka.MockCluster ? Math.Min(options.FetchWaitMaxMs, MockFetchWaitMaxMs) : options.FetchWaitMaxMs;
        // A fetch is answered as soon as one message is there.
        config.FetchMinBytes = 1;
        // Small requests on a quiet connection: Nagle would hold one back until the previous is acknowledged.
        config.SocketNagleDisable = true;
        // The loop stores the offsets of recorded decisions (offset store stays manual) and the client commits them in
        // the background, and on close: a synchronous commit would hold the decision loop for a round trip to the group
        // coordinator several times a second. A crash re-decides at most the last interval more (same passage ids).
        config.EnableAutoCommit = true;
        config.AutoCommitIntervalMs = AutoCommitIntervalMs;
        return config;
    }

    /// <summary>How often the decision consumer's stored offsets are committed.</summary>
    public const int AutoCommitIntervalMs = 1000;

    public static ProducerConfig Producer(KafkaOptions kafka, DecisionOptions options)
    {
        var config = kafka.Producer(options.GroupId);
        // The barrier is waiting: send each decision now rather than gathering a larger batch (the shared producer
        // lingers). Under a backlog the messages decided while a request is in flight still go out together.
        config.LingerMs = 0;
        config.SocketNagleDisable = true;
        return config;
    }
}
