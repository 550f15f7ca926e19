using Confluent.Kafka;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Publishing;

/// <summary>Ingest's publishing, through the process's <see cref="SharedProducer"/> (idempotent, acks=all): a record
/// counts as sent only once the broker acked it.</summary>
public sealed class KafkaRecordPublisher(SharedProducer producer)
{
    public async Task<TopicPartitionOffset> PublishAsync(string topic, string key, byte[] value, CancellationToken ct)
    {
        var result = await producer.ProduceAsync(topic, key, value, ct);
        return result.TopicPartitionOffset;
    }
}
