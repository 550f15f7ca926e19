using Confluent.Kafka;
using DataPlatform.Gate;
using DataPlatform.Processing.Decisions;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Decisions;

/// <summary>Regression: with its pending queue full the decision consumer used to stop polling, so a member that waited
/// longer than max.poll.interval.ms was thrown out of the group and its events were decided twice.</summary>
[Collection(EnginesCollection.Name)]
public sealed class DecisionBackPressureTests(EnginesFixture engines)
{
    [Fact]
    public async Task A_full_pending_queue_pauses_the_partitions_and_keeps_the_member_so_each_event_is_decided_once()
    {
        await using var run = await ProcessingRun.StartAsync(engines, new()
        {
            ["Processing:Decisions:MaxPending"] = "2",
            // Records wait longer than a member may go without polling.
            ["Processing:Decisions:RecordDelayMs"] = "8000",
            ["Kafka:Properties:max.poll.interval.ms"] = "7000",
        });
        var (platform, host, producer) = run;
        var consumer = host.Services.GetRequiredService<GateDecisionConsumer>();
        var t = RecentChinaTime(TimeSpan.FromHours(1));
        const int events = 6;
        for (var i = 0; i < events; i++)
            await SendAsync(producer, Event($"bp-{i}", $"冀B{40000 + i}", Direction.In, t.AddSeconds(i)));

        var sawPause = false;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await platform.ScalarAsync("SELECT count() FROM gate_decisions") < events && DateTime.UtcNow < deadline)
        {
            sawPause |= consumer.PausedNow;
            await Task.Delay(100);
        }
        Assert.Equal(events, await platform.ScalarAsync("SELECT count() FROM gate_decisions"));
        Assert.True(sawPause);
        // Give a thrown-out member the time to rejoin and re-decide, then count what the barrier received.
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Equal(events, CountDecisions(platform));
        Assert.Equal(events, consumer.Decided);
    }

    private static int CountDecisions(TestPlatform platform)
    {
        var config = platform.Kafka.CreateConsumerConfig("test-decisions-" + Guid.NewGuid().ToString("N"));
        config.EnableAutoCommit = false;
        using var reader = new ConsumerBuilder<string, byte[]>(config).Build();
        reader.Assign(Enumerable.Range(0, Topics.DefaultPartitions[Topics.GateDecisions])
            .Select(p => new TopicPartitionOffset(Topics.GateDecisions, p, Offset.Beginning)));
        var count = 0;
        var idleSince = DateTime.UtcNow;
        while (DateTime.UtcNow - idleSince < TimeSpan.FromSeconds(3))
        {
            if (reader.Consume(TimeSpan.FromMilliseconds(100))?.Message is null) continue;
            count++;
            idleSince = DateTime.UtcNow;
        }
        reader.Close();
        return count;
    }
}
