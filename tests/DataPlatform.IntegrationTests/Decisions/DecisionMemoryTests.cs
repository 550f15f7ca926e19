using DataPlatform.Gate;
using DataPlatform.Processing.Decisions;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Decisions;

/// <summary>The decision service decides from memory: what was recorded before a restart is loaded when partitions
/// are assigned, so a late corroborating read is known without a ClickHouse query on the decision path.</summary>
[Collection(EnginesCollection.Name)]
public sealed class DecisionMemoryTests(EnginesFixture engines)
{
    private static GateEvent Read(string id, string device, string plate, DateTimeOffset time) =>
        Event(id, plate, Direction.In, time, 0.96, "L1") with { DeviceId = device };

    [Fact]
    public async Task After_a_restart_a_second_camera_read_half_an_hour_behind_its_lane_is_a_corroboration_known_from_memory()
    {
        await using var platform = TestPlatform.Create(engines);
        CreateTopics(platform);
        using var producer = Producer(platform);
        var t = RecentChinaTime(TimeSpan.FromHours(2));
        using (var first = await StartProcessingAsync(platform))
        {
            await SendAsync(producer, Read("dm-1", "cam-01", "冀B12345", t));
            Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 1));
            await first.StopAsync();
        }
        using var second = await StartProcessingAsync(platform);
        // The lane moves on half an hour, then the second camera's read of the first truck arrives (a held-up push):
        // the service used to query gate_decisions for it on the path (over 10 min behind its lane).
        await SendAsync(producer, Read("dm-2", "cam-01", "冀B66666", t.AddMinutes(30)));
        await SendAsync(producer, Read("dm-1b", "cam-01b", "冀B12345", t.AddSeconds(1)));
        var decisions = second.Services.GetRequiredService<GateDecisionConsumer>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (decisions.Corroborations < 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(1, decisions.Corroborations);
        Assert.Equal(0, decisions.OldReadChecks);
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 2));
        Assert.Equal(0, await platform.ScalarAsync("SELECT count() FROM gate_decisions WHERE event_id = 'dm-1b'"));
        await second.StopAsync();
    }
}
