using FsCheck;
using FsCheck.Xunit;

namespace DataPlatform.Engines.Kafka.Tests;

public sealed class CreateTopicTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static int _topicSeq;
    private readonly EmbeddedKafka _kafka = cluster.Kafka;

    [Property(MaxTest = 25)]
    public bool A_topic_created_with_N_partitions_reports_N_to_other_clients(PositiveInt n)
    {
        var partitions = (n.Get - 1) % 64 + 1;
        var topic = NewTopic();

        _kafka.CreateTopic(topic, partitions);

        return Clients.PartitionCount(_kafka.BootstrapServers, topic) == partitions;
    }

    [Fact]
    public void Creating_an_existing_topic_again_keeps_it()
    {
        var topic = NewTopic();
        _kafka.CreateTopic(topic, 6);
        using (var producer = Clients.Producer(_kafka))
        {
            Clients.ProduceKeys(producer, topic, 10);
        }

        _kafka.CreateTopic(topic, 6);

        Assert.Equal(6, Clients.PartitionCount(_kafka.BootstrapServers, topic));
        using var consumer = Clients.Consumer(_kafka, "g-" + topic);
        consumer.Subscribe(topic);
        var read = Clients.ConsumeUntil(consumer, r => r.Count >= 10, TimeSpan.FromSeconds(20));
        Assert.Equal(10, read.Select(r => r.Message.Key).Distinct().Count());
    }

    [Fact]
    public void Creating_an_existing_topic_with_another_partition_count_fails()
    {
        var topic = NewTopic();
        _kafka.CreateTopic(topic, 3);

        var error = Assert.Throws<InvalidOperationException>(() => _kafka.CreateTopic(topic, 4));

        Assert.Contains("3 partitions", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Clients.PartitionCount(_kafka.BootstrapServers, topic));
    }

    [Fact]
    public void Concurrent_creates_of_one_topic_all_succeed()
    {
        var topic = NewTopic();

        Parallel.For(0, 8, _ => _kafka.CreateTopic(topic, 5));

        Assert.Equal(5, Clients.PartitionCount(_kafka.BootstrapServers, topic));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Partition_counts_below_one_are_rejected(int partitions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _kafka.CreateTopic(NewTopic(), partitions));

    private static string NewTopic() => $"topic-{Interlocked.Increment(ref _topicSeq)}";
}
