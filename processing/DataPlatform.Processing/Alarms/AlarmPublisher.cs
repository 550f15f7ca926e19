using Confluent.Kafka;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Alarms;

/// <summary>Publishes alarms on <c>alarms</c>, keyed by dedupe key so repeats of one alarm stay in order.
/// At-least-once: a retried batch publishes again; readers collapse on the alarm id.</summary>
public sealed class AlarmPublisher : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;

    public AlarmPublisher(IOptions<KafkaOptions> kafka, IOptions<AlarmOptions> options)
    {
        var config = kafka.Value.Producer(options.Value.GroupId);
        config.LingerMs = 5;
        _producer = new ProducerBuilder<string, byte[]>(config).Build();
    }

    public Task PublishAsync(IEnumerable<Alarm> alarms, CancellationToken ct) =>
        Task.WhenAll(alarms.Select(a => _producer.ProduceAsync(Topics.Alarms,
            new Message<string, byte[]> { Key = a.DedupeKey, Value = a.ToJson() }, ct)));

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
