using DataPlatform.Gate;
using DataPlatform.Processing.Leadership;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Trips;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Reviews;

/// <summary>ledger.records with more than one processing instance: each record once per resolution.</summary>
[Collection(EnginesCollection.Name)]
public sealed class LedgerRecordsPublishingTests(EnginesFixture engines)
{
    [Fact]
    public async Task Two_processing_instances_share_publishing_instead_of_each_publishing_everything()
    {
        await using var platform = TestPlatform.Create(engines);
        CreateTopics(platform);
        using var a = await StartProcessingAsync(platform);
        using var b = await StartProcessingAsync(platform);
        // Let both members join both groups before any event flows, so no rebalance redelivers a batch.
        var leaders = new[] { a, b }.Select(h => h.Services.GetRequiredService<ProcessingLeader>()).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (leaders.Count(l => l.IsLeader) != 1 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(1, leaders.Count(l => l.IsLeader));
        await Task.Delay(TimeSpan.FromSeconds(8));

        using var producer = Producer(platform);
        var t = RecentChinaTime(TimeSpan.FromHours(3));
        const int vehicles = 12;
        var passageIds = new List<Guid>();
        for (var i = 0; i < vehicles; i++)
        {
            var plate = $"冀B{20000 + i}";
            var lane = $"L{i % 4 + 1}";
            await SendAsync(producer, Event($"pub-in-{i}", plate, Direction.In, t.AddSeconds(i), lane: lane));
            await SendAsync(producer, Event($"pub-out-{i}", plate, Direction.Out, t.AddMinutes(30).AddSeconds(i), lane: lane));
            passageIds.Add(PassageIdentity.For(Enterprise, "G01", $"pub-in-{i}"));
            passageIds.Add(PassageIdentity.For(Enterprise, "G01", $"pub-out-{i}"));
        }
        Assert.Equal(2 * vehicles, await platform.WaitForAsync("SELECT count() FROM passages", 2 * vehicles));
        Assert.Equal(vehicles, await platform.WaitForAsync("SELECT count() FROM trips FINAL WHERE status = 'closed'", vehicles));

        var records = ReadRecords(platform,
            r => r.Count(x => x.Kind == "passage") >= 2 * vehicles && r.Count(x => x.Kind == "trip") >= vehicles,
            TimeSpan.FromSeconds(60), quiet: TimeSpan.FromSeconds(3));
        var passages = records.Where(r => r.Kind == "passage").ToList();
        Assert.Equal(passageIds.Order(), passages.Select(r => r.RecordId).Distinct().Order());
        // ledger.records is at least once: a rebalance on a starved machine redelivers a batch, and its records go out
        // again (the bridge drops repeats by record id). What must not happen is both instances publishing everything.
        var repeated = passages.GroupBy(r => (r.RecordId, r.Version)).Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count < passages.Select(r => (r.RecordId, r.Version)).Distinct().Count() / 2,
            string.Join("\n", records.GroupBy(r => (r.Kind, r.RecordId, r.Version)).Select(g => $"{g.Key} x{g.Count()} {g.First().Json}")));
        var trips = records.Where(r => r.Kind == "trip").ToList();
        // Each passage as written; each exit once more per trip version, with the closed trip's load.
        Assert.Equal(2 * vehicles, passages.Where(r => r.Version == 1).Select(r => r.RecordId).Distinct().Count());
        Assert.Equal(trips.Select(r => (r.RecordId, r.Version)).Distinct().Count(),
            passages.Where(r => r.Version > 1).Select(r => (r.RecordId, r.Version)).Distinct().Count());
        Assert.Equal(vehicles, trips.Select(r => r.RecordId).Distinct().Count());
        Assert.True(trips.Count < 2 * trips.Select(r => (r.RecordId, r.Version)).Distinct().Count(), "only the leader publishes trips");
        // Both instances wrote passages (the partitions were shared), but only the leader ran the trips job.
        Assert.Equal(1, new[] { a, b }.Count(h => h.Services.GetRequiredService<TripJob>().LastPassagesRead > 0));
    }

    [Fact]
    public async Task The_trips_job_reads_only_vehicles_with_new_passages_after_its_first_run()
    {
        await using var run = await ProcessingRun.StartAsync(engines, new()
        {
            ["Processing:Trips:IntervalSeconds"] = "3600",
            // No late-arrival margin: this test tells the runs apart by what they read.
            ["Processing:Trips:LateArrivalSeconds"] = "0",
        });
        var (platform, host, producer) = run;
        var job = host.Services.GetRequiredService<TripJob>();
        var t = RecentChinaTime(TimeSpan.FromHours(3));
        for (var i = 0; i < 10; i++)
            await SendAsync(producer, Event($"inc-in-{i}", $"冀B{30000 + i}", Direction.In, t.AddSeconds(i)));
        Assert.Equal(10, await platform.WaitForAsync("SELECT count() FROM passages", 10));

        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(10, await platform.ScalarAsync("SELECT count() FROM trips FINAL"));

        // One vehicle leaves: the next run reads that vehicle only and closes its trip.
        await SendAsync(producer, Event("inc-out-3", "冀B30003", Direction.Out, t.AddHours(1)));
        Assert.Equal(11, await platform.WaitForAsync("SELECT count() FROM passages", 11));
        var (written, _) = await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, written);
        Assert.Equal(2, job.LastPassagesRead);
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM trips FINAL WHERE status = 'closed' AND plate_no = '冀B30003'"));
    }
}
