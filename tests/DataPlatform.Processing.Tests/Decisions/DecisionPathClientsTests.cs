using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;

namespace DataPlatform.Processing.Tests.Decisions;

/// <summary>The decision path's client settings: set for latency, and the consumer commits only what was recorded.</summary>
public sealed class DecisionPathClientsTests
{
    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 1)]
    public void The_consumer_commits_in_the_background_only_the_offsets_the_loop_stored(bool mock, int fetchWait)
    {
        var config = DecisionPathClients.Consumer(new KafkaOptions { MockCluster = mock }, new DecisionOptions { FetchWaitMaxMs = 10 });

        // Stored by the loop once a decision is recorded, never by the client on delivery to the application.
        Assert.False(config.EnableAutoOffsetStore);
        // Committed by the client: no synchronous commit on the decision loop.
        Assert.True(config.EnableAutoCommit);
        Assert.Equal(DecisionPathClients.AutoCommitIntervalMs, config.AutoCommitIntervalMs);
        Assert.Equal(fetchWait, config.FetchWaitMaxMs);
        Assert.Equal(1, config.FetchMinBytes);
        Assert.Equal("gate-decisions", config.GroupId);
    }

    [Fact]
    public void The_producer_sends_each_decision_at_once()
    {
        var config = DecisionPathClients.Producer(new KafkaOptions(), new DecisionOptions());

        Assert.Equal(0, config.LingerMs);
        Assert.True(config.SocketNagleDisable);
    }
}
