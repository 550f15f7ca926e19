using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Processing.Decisions;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Trips;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Trips;

/// <summary>Trips and the exit condition follow the plate a review settled on, not the misread one, on the real engines.</summary>
[Collection(EnginesCollection.Name)]
public sealed class CorrectedPlateTripTests(EnginesFixture engines)
{
    private const string Plate = "冀B12345";
    private const string Misread = "冀B1234S";

    [Fact]
    public async Task An_entry_misread_and_corrected_pairs_with_its_exit_and_lets_the_truck_out()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;
        var entry = RecentChinaTime(TimeSpan.FromHours(2));

        // The entry camera misreads S for 5 (a low-confidence read: it waits in the review queue).
        await SendAsync(producer, Event("cp-in", Misread, Direction.In, entry, confidence: 0.55));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM gate_decisions WHERE event_id = 'cp-in'", 1));
        // A reviewer acts on a passage listed in the queue: the action is refused for a passage not yet recorded.
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM review_queue", 1));
        foreach (var (id, minutes, kg, kind) in new[] { ("cp-g", 20, 49_000m, WeighingKind.Gross), ("cp-t", 40, 15_500m, WeighingKind.Tare) })
        {
            await SendAsync(producer, Weighing(id, Plate, entry.AddMinutes(minutes), kg, kind, "煤炭", receivedAfter: TimeSpan.FromMinutes(1)));
        }
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM weighings", 2));

        // The reviewer corrects the entry's plate against the video.
        var entryId = PassageIdentity.For(Enterprise, "G01", "cp-in");
        await SendAsync(producer, new ReviewActionMessage("cp-fix", entryId, ReviewActionKinds.Correct, "张三", DateTimeOffset.Now,
            "对照视频更正：S 应为 5", "cli", PlateNo: Plate));
        Assert.Equal(1, await platform.WaitForAsync($"SELECT count() FROM review_actions WHERE passage_id = '{entryId}' AND plate_no_after = '{Plate}'", 1));
        await host.Services.GetRequiredService<TripStateRefresher>().RefreshAsync(CancellationToken.None);

        // The exit camera reads the plate right: entered (under the corrected plate) and weighed, so the barrier opens.
        await SendAsync(producer, Event("cp-out", Plate, Direction.Out, entry.AddMinutes(50)));
        Assert.Equal(1, await platform.WaitForAsync(
            "SELECT count() FROM gate_decisions WHERE event_id = 'cp-out' AND outcome = 'allow' AND rule_id = 'exit-condition'", 1));

        // The trip pairs the corrected entry with the exit and the weighings; nothing stays open under the misread plate.
        var exitId = PassageIdentity.For(Enterprise, "G01", "cp-out");
        Assert.Equal(1, await platform.WaitForAsync(
            $"SELECT count() FROM trips FINAL WHERE trip_id = '{TripIdentity.For(entryId)}' AND plate_no = '{Plate}' AND status = 'closed' " +
            $"AND exit_passage_id = '{exitId}' AND net_kg = 33500", 1));
        Assert.Equal(0, await platform.ScalarAsync($"SELECT count() FROM trips FINAL WHERE plate_no = '{Misread}'"));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM trips FINAL"));
    }
}
