using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Processing.Decisions;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Decisions;

/// <summary>Exit decisions with the trip state on the real engines: the barrier opens only after weighing.</summary>
[Collection(EnginesCollection.Name)]
public sealed class ExitDecisionTests(EnginesFixture engines)
{
    private const string Plate = "冀B12345";

    [Fact]
    public async Task An_exit_is_allowed_only_after_the_trip_was_weighed()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;
        var entry = RecentChinaTime(TimeSpan.FromHours(2));

        await SendAsync(producer, Event("ex-in", Plate, Direction.In, entry));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM gate_decisions WHERE event_id = 'ex-in'", 1));

        // Not weighed yet: the guard checks, with the rule and the missing condition on the display.
        await SendAsync(producer, Event("ex-out-1", Plate, Direction.Out, entry.AddMinutes(10)));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM gate_decisions WHERE event_id = 'ex-out-1' AND outcome = 'manual' AND rule_id = 'exit-condition' " +
            "AND has(reasons, '出厂条件未满足：未完成过磅') AND display_text LIKE '%人工核验'", 1));

        // Gross and tare on the weighbridge.
        foreach (var (id, minutes, kg, kind) in new[] { ("wb-g", 20, 49_000m, WeighingKind.Gross), ("wb-t", 40, 15_500m, WeighingKind.Tare) })
        {
            await SendAsync(producer, Weighing(id, Plate, entry.AddMinutes(minutes), kg, kind, "煤炭", receivedAfter: TimeSpan.FromMinutes(1)));
        }
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM weighings", 2));
        await host.Services.GetRequiredService<TripStateRefresher>().RefreshAsync(CancellationToken.None);

        await SendAsync(producer, Event("ex-out-2", Plate, Direction.Out, entry.AddMinutes(50)));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM gate_decisions WHERE event_id = 'ex-out-2' AND outcome = 'allow' AND rule_id = 'exit-condition' " +
            "AND display_text LIKE '%允许通行'", 1));

        // The trip is over: leaving again without a new entry is a manual check.
        await SendAsync(producer, Event("ex-out-3", Plate, Direction.Out, entry.AddMinutes(55)));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM gate_decisions WHERE event_id = 'ex-out-3' AND outcome = 'manual' AND has(reasons, '出厂条件未满足：无入厂记录')", 1));
    }
}
