using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace DataPlatform.Streams;

/// <summary>
/// The one Kafka producer of a process (idempotent, acks=all: <see cref="KafkaOptions.Producer"/>), which every
/// stage publishes through. A librdkafka producer is thread-safe and batches across topics; each extra one costs a
/// broker connection, two threads and its own idempotence session, and standalone runs every role in one process.
/// Callers await each delivery before they commit what the message came from. Built on first use; flushed when the
/// host disposes it, after every service that publishes through it (they were created after it).
/// <para>Not shared, on purpose: the two latency paths — the gate decision loop's producer (linger 0, its own error
/// handler: a barrier is waiting) and the bridge's downlink commands (a regulator's measure must reach the gate
/// within a second) — and one-shot CLI commands.</para>
/// </summary>
public sealed class SharedProducer(IOptions<KafkaOptions> kafka) : IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>> _producer = new(() =>
        new ProducerBuilder<string, byte[]>(kafka.Value.Producer($"dataplatform-{Environment.ProcessId}")).Build());

    public Task<DeliveryResult<string, byte[]>> ProduceAsync(string topic, string key, byte[] value, CancellationToken ct) =>
        _producer.Value.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = value }, ct);

    public void Dispose()
    {
        if (!_producer.IsValueCreated) return;
        _producer.Value.Flush(TimeSpan.FromSeconds(10));
        _producer.Value.Dispose();
    }
}
