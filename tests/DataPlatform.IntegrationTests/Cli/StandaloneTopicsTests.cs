using DataPlatform.Cli.Standalone;
using DataPlatform.Streams;

namespace DataPlatform.Tests.Cli;

/// <summary>Standalone's embedded broker keeps up to 5 MiB of every partition's log in memory (librdkafka's mock, no
/// retention setting), so standalone caps each topic's partitions; the distributed defaults stay as they are.</summary>
public sealed class StandaloneTopicsTests
{
    [Fact]
    public void Standalone_creates_every_platform_topic_with_at_most_four_partitions()
    {
        var partitions = new StandaloneOptions().TopicPartitions;

        Assert.Equal(Topics.DefaultPartitions.Keys.Order(), partitions.Keys.Order());
        Assert.Equal(4, partitions[Topics.GateRaw]);
        Assert.Equal(4, partitions[Topics.GateDecisions]);
        Assert.Equal(4, partitions[Topics.LedgerRecords]);
        Assert.Equal(1, partitions[Topics.ControlCommands]);
        // The busy topics' log held in memory at most: 4 topics x 4 partitions x 5 MiB.
        Assert.Equal(16, new[] { Topics.GateRaw, Topics.GateDecisions, Topics.Weighings, Topics.LedgerRecords }.Sum(t => partitions[t]));
        Assert.Equal(12, Topics.DefaultPartitions[Topics.GateRaw]);
    }
}
