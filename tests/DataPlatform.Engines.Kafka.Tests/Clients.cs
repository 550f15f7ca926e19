using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka.Tests;

/// <summary>Independent clients that talk to a cluster only through its bootstrap list, as another process would.</summary>
internal static class Clients
{
    public static Metadata Metadata(string bootstrapServers)
    {
        // Metadata is safe against the mock; CreateTopics and ListConsumerGroups are not.
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return admin.GetMetadata(TimeSpan.FromSeconds(10));
    }

    public static int? PartitionCount(string bootstrapServers, string topic) =>
        Metadata(bootstrapServers).Topics.SingleOrDefault(t => t.Topic == topic)?.Partitions.Count;

    public static IProducer<string, string> Producer(EmbeddedKafka kafka, Action<ProducerConfig>? configure = null)
    {
        var config = KafkaMockClientSettings.Apply(new ProducerConfig { BootstrapServers = kafka.BootstrapServers });
        configure?.Invoke(config);
        return new ProducerBuilder<string, string>(config).Build();
    }

    public static IConsumer<string, string> Consumer(EmbeddedKafka kafka, string groupId)
    {
        var config = KafkaMockClientSettings.Apply(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        });
        return new ConsumerBuilder<string, string>(config).Build();
    }

    /// <summary>Consumes until <paramref name="done"/> holds or nothing new arrived for <paramref name="idle"/>.</summary>
    public static List<ConsumeResult<string, string>> ConsumeUntil(
        IConsumer<string, string> consumer, Func<List<ConsumeResult<string, string>>, bool> done, TimeSpan idle)
    {
        var results = new List<ConsumeResult<string, string>>();
        var lastProgress = DateTime.UtcNow;
        while (!done(results) && DateTime.UtcNow - lastProgress < idle)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result?.Message is not null)
            {
                results.Add(result);
                lastProgress = DateTime.UtcNow;
            }
        }
        return results;
    }

    public static void ProduceKeys(IProducer<string, string> producer, string topic, int count)
    {
        var failures = 0;
        for (var i = 0; i < count; i++)
        {
            var key = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            producer.Produce(topic, new Message<string, string> { Key = key, Value = "v" + key }, r =>
            {
                if (r.Error.IsError || r.Status != PersistenceStatus.Persisted)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, failures);
    }
}
