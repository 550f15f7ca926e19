using DataPlatform.Compliance.Reviews;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Trips;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Reviews;

/// <summary>An exit flagged for review when its trip closes is left out of the trip's publication; its review then
/// publishes it with the trip's load, so the regulator still gets the exit with its cargo.</summary>
[Collection(EnginesCollection.Name)]
public sealed class FlaggedExitCargoTests(EnginesFixture engines)
{
    [Fact]
    public async Task A_flagged_exit_resolved_after_its_trip_closed_is_published_with_the_trip_load()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;

        var entry = RecentChinaTime(TimeSpan.FromHours(3));
        await SendAsync(producer, Event("fx-in", "冀B12345", Gate.Direction.In, entry));
        // The exit camera is unsure: recorded, flagged, held back from the regulator.
        await SendAsync(producer, Event("fx-out", "冀B12345", Gate.Direction.Out, entry.AddHours(1), confidence: 0.6));
        var exit = PassageIdentity.For(Enterprise, "G01", "fx-out");
        var trip = TripIdentity.For(PassageIdentity.For(Enterprise, "G01", "fx-in"));
        Assert.Equal(1, await platform.WaitForAsync($"SELECT count() FROM trips FINAL WHERE trip_id = '{trip}' AND status = 'closed'", 1));
        var before = ReadRecords(platform, r => r.Any(x => x.RecordId == trip), TimeSpan.FromSeconds(30));
        var tripVersion = before.Where(r => r.RecordId == trip).Max(r => r.Version);
        Assert.DoesNotContain(before, r => r.RecordId == exit);

        await SendAsync(producer, new ReviewActionMessage("fx-approve", exit, ReviewActionKinds.Approve, "张三", DateTimeOffset.Now,
            "出口副相机图片清晰，号牌无误", "cli"));
        var records = ReadRecords(platform, r => r.Any(x => x.RecordId == exit), TimeSpan.FromSeconds(30));
        var resolved = Assert.Single(records.Where(r => r.RecordId == exit).DistinctBy(r => r.Version));
        Assert.Equal(tripVersion + 1, resolved.Version);
        Assert.Equal("approved", resolved.Json.GetProperty("reviewStatus").GetString());
        Assert.True(resolved.Json.GetProperty("tripClosed").GetBoolean());
        Assert.Equal(trip, resolved.Json.GetProperty("tripId").GetGuid());

        // The trips job, running again, publishes the resolved exit no more (the trip did not change).
        var job = host.Services.GetRequiredService<TripJob>();
        await job.RunOnceAsync(CancellationToken.None);
        var after = ReadRecords(platform, r => r.Any(x => x.RecordId == exit), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        Assert.All(after.Where(r => r.RecordId == exit), r => Assert.Equal(tripVersion + 1, r.Version));
        await host.StopAsync();
    }
}
