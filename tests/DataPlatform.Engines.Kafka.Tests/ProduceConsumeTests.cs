using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka.Tests;

public sealed class ProduceConsumeTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    private readonly EmbeddedKafka _kafka = cluster.Kafka;

    [Fact]
    public void A_group_consumes_all_10k_idempotently_produced_messages_in_partition_order()
    {
        const int count = 10_000;
        _kafka.CreateTopic("ten-k", 8);
        using (var producer = Clients.Producer(_kafka, c => { c.EnableIdempotence = true; c.Acks = Acks.All; }))
        {
            Clients.ProduceKeys(producer, "ten-k", count);
        }

        using var consumer = Clients.Consumer(_kafka, "ten-k-readers");
        consumer.Subscribe("ten-k");
        var read = Clients.ConsumeUntil(consumer, r => r.Count >= count, Idle);
        consumer.Close();

        var keys = read.Select(r => int.Parse(r.Message.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(count, keys.Count);
        Assert.Equal(0, keys.Min());
        Assert.Equal(count - 1, keys.Max());
        Assert.All(read, r => Assert.Equal("v" + r.Message.Key, r.Message.Value));
        Assert.Equal(8, read.Select(r => r.Partition.Value).Distinct().Count());
        // The idempotent producer keeps per-partition order, so keys ascend with offsets in every partition.
        foreach (var partition in read.GroupBy(r => r.Partition.Value))
        {
            var ordered = partition.OrderBy(r => r.Offset.Value).Select(r => int.Parse(r.Message.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(ordered.Order(), ordered);
        }
    }

    [Fact]
    public void A_second_consumer_in_the_group_resumes_after_the_committed_offsets()
    {
        const int count = 1_000;
        const int firstBatch = 400;
        _kafka.CreateTopic("resume", 3);
        using (var producer = Clients.Producer(_kafka, c => c.EnableIdempotence = true))
        {
            Clients.ProduceKeys(producer, "resume", count);
        }

        List<ConsumeResult<string, string>> first;
        List<TopicPartitionOffset> committed;
        using (var consumer = Clients.Consumer(_kafka, "resumers"))
        {
            consumer.Subscribe("resume");
            first = Clients.ConsumeUntil(consumer, r => r.Count >= firstBatch, Idle);
            committed = consumer.Commit();
            consumer.Close();
        }
        Assert.Equal(firstBatch, first.Count);

        List<ConsumeResult<string, string>> second;
        using (var consumer = Clients.Consumer(_kafka, "resumers"))
        {
            consumer.Subscribe("resume");
            second = Clients.ConsumeUntil(consumer, r => r.Count >= count - firstBatch, Idle);
            // Linger briefly: a redelivery of the first batch would show up as extra messages.
            second.AddRange(Clients.ConsumeUntil(consumer, _ => false, TimeSpan.FromSeconds(1)));
            consumer.Close();
        }

        var firstKeys = first.Select(r => r.Message.Key).ToHashSet();
        var secondKeys = second.Select(r => r.Message.Key).ToHashSet();
        Assert.Equal(count - firstBatch, second.Count);
        Assert.Empty(firstKeys.Intersect(secondKeys));
        Assert.Equal(count, firstKeys.Union(secondKeys).Count());
        foreach (var partition in second.GroupBy(r => r.Partition.Value))
        {
            // A partition the first consumer never read from has no committed offset and starts at 0.
            var resumedAt = Math.Max(0, committed.SingleOrDefault(c => c.Partition.Value == partition.Key)?.Offset.Value ?? 0);
            Assert.Equal(resumedAt, partition.Min(r => r.Offset.Value));
        }
    }

    [Fact]
    public async Task Clients_that_only_know_the_bootstrap_list_exchange_messages_without_a_group()
    {
        _kafka.CreateTopic("direct", 1);
        using var producer = Clients.Producer(_kafka);
        var delivered = await producer.ProduceAsync("direct", new Message<string, string> { Key = "k", Value = "hello" });
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = "unused" }).Build();
        consumer.Assign(new TopicPartitionOffset("direct", 0, delivered.Offset));
        var read = Clients.ConsumeUntil(consumer, r => r.Count >= 1, TimeSpan.FromSeconds(10));

        Assert.Equal("hello", Assert.Single(read).Message.Value);
    }
}
