using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Alarms;

/// <summary>Publishes alarms on <c>alarms</c>, keyed by dedupe key so repeats of one alarm stay in order.
/// At-least-once: a retried batch publishes again; readers collapse on the alarm id.</summary>
public sealed class AlarmPublisher(SharedProducer producer)
{
    public Task PublishAsync(IEnumerable<Alarm> alarms, CancellationToken ct) =>
        Task.WhenAll(alarms.Select(a => producer.ProduceAsync(Topics.Alarms, a.DedupeKey, a.ToJson(), ct)));
}
