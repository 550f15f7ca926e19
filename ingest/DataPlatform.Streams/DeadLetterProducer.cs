using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace DataPlatform.Streams;

/// <summary>Sends rejected payloads to <see cref="Topics.DeadLetter"/>, keyed by stage, and waits for the broker's ack.</summary>
public sealed class DeadLetterProducer(IOptions<KafkaOptions> options) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer =
        new ProducerBuilder<string, byte[]>(options.Value.Producer("deadletter")).Build();

    public async Task SendAsync(DeadLetter letter, CancellationToken ct)
    {
        await _producer.ProduceAsync(Topics.DeadLetter,
            new Message<string, byte[]> { Key = letter.Stage, Value = letter.ToJson() }, ct);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
