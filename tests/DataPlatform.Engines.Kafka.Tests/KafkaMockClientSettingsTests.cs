using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka.Tests;

public sealed class KafkaMockClientSettingsTests
{
    [Fact]
    public void Consumer_configs_get_short_sessions_and_an_eager_assignor()
    {
        var config = new ConsumerConfig { GroupId = "g", PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky };

        var applied = KafkaMockClientSettings.Apply(config);

        Assert.Same(config, applied);
        Assert.Equal(6000, config.SessionTimeoutMs);
        Assert.Equal(500, config.HeartbeatIntervalMs);
        Assert.Equal(PartitionAssignmentStrategy.Range, config.PartitionAssignmentStrategy);
        Assert.Equal(GroupProtocol.Classic, config.GroupProtocol);
        Assert.Equal("g", config.GroupId);
    }

    [Fact]
    public void Producer_configs_get_no_consumer_properties()
    {
        var config = KafkaMockClientSettings.Apply(new ProducerConfig());

        Assert.DoesNotContain(config, kv => kv.Key is "session.timeout.ms" or "heartbeat.interval.ms" or "partition.assignment.strategy");
        Assert.Equal(1000, config.ReconnectBackoffMaxMs);
    }
}
