using System.Collections.Concurrent;
using Confluent.Kafka;

namespace DataPlatform.Ingest.Journal;

/// <summary>Remembers, per journal segment of this run, the highest Kafka offset each of its records got, so a
/// segment can go once the ledger writers have committed past all of them.</summary>
public sealed class JournalProgress
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<TopicPartition, long>> _segments = new();

    public void Published(long segment, TopicPartitionOffset offset) =>
        _segments.GetOrAdd(segment, _ => new())
            .AddOrUpdate(offset.TopicPartition, offset.Offset.Value, (_, old) => Math.Max(old, offset.Offset.Value));

    public IReadOnlyDictionary<TopicPartition, long> HighestOffsets(long segment) =>
        _segments.TryGetValue(segment, out var offsets) ? offsets : new Dictionary<TopicPartition, long>();

    public IEnumerable<long> Segments => _segments.Keys.Order();

    public void Forget(long segment) => _segments.TryRemove(segment, out _);
}
