using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;

namespace DataPlatform.Processing.Rejections;

/// <summary>A dead letter raised while re-reading a message gets the same id every time it is re-read, so the
/// rejection table keeps one row however often the message is redelivered.</summary>
public static class DeadLetterIds
{
    public static Guid For(TopicPartitionOffset source)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"deadletter\n{source.Topic}\n{source.Partition.Value}\n{source.Offset.Value}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
