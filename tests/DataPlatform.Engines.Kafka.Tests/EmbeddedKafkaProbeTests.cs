namespace DataPlatform.Engines.Kafka.Tests;

/// <summary>Checks that the benchmark's probe counts correctly; its speed is not asserted.</summary>
public sealed class EmbeddedKafkaProbeTests
{
    [Fact]
    public async Task The_probe_consumes_every_message_it_produces()
    {
        // 3 partitions of 20 000 messages of 300 bytes (~6 MiB each) exceed what a mock partition keeps,
        // so this also exercises the probe's backlog limit.
        var result = await EmbeddedKafkaProbe.MeasureAsync(messages: 60_000, partitions: 3, payloadBytes: 300);

        Assert.Equal(60_000, result.Consumed);
        Assert.Equal(0, result.DeliveryFailures);
        Assert.True(result.ProduceMessagesPerSecond > 0);
        Assert.True(result.ConsumeMessagesPerSecond > 0);
        Assert.InRange(result.GroupJoin, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }
}
