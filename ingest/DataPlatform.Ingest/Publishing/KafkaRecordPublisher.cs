using Confluent.Kafka;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Publishing;

/// <summary>The ingest producer: idempotent, acks=all; a record counts as sent only once the broker acked it.</summary>
public sealed class KafkaRecordPublisher(IOptions<KafkaOptions> options) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer =
        new ProducerBuilder<string, byte[]>(options.Value.Producer("ingest")).Build();

    public async Task<TopicPartitionOffset> PublishAsync(string topic, string key, byte[] value, CancellationToken ct)
    {
        var result = await _producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = value }, ct);
        return result.TopicPartitionOffset;
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }
}
