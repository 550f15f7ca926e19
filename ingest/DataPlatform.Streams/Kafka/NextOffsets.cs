using Confluent.Kafka;

namespace DataPlatform.Streams;

/// <summary>What to commit once messages are handled: one past the highest handled offset of each partition.</summary>
public static class NextOffsets
{
    public static List<TopicPartitionOffset> After(IEnumerable<TopicPartitionOffset> handled) =>
        handled
            .GroupBy(o => o.TopicPartition)
            .Select(g => new TopicPartitionOffset(g.Key, g.Max(o => o.Offset.Value) + 1))
            .ToList();
}
