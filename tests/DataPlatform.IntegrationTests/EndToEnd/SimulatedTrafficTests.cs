using DataPlatform.Cli.Hosting;
using DataPlatform.Simulation;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.EndToEnd;

[Collection(EnginesCollection.Name)]
public sealed class SimulatedTrafficTests(EnginesFixture engines)
{
    [Fact]
    public async Task Every_valid_push_becomes_exactly_one_ledger_row_and_every_malformed_one_a_rejection()
    {
        await using var platform = TestPlatform.Create(engines);
        var host = await platform.StartAsync(PlatformRole.All);
        using var http = new HttpClient();

        // More duplicates and garbage than a real plant sends, so both paths are exercised hard.
        var profile = SimulationProfile.Default with { DuplicateShare = 0.10, MalformedShare = 0.05 };
        var report = await new GateTrafficSimulator(http, TestPlatform.IngestUri(host))
            .RunAsync(profile, seed: 7, count: 3000, eventsPerSecond: 0, concurrency: 16, null, CancellationToken.None);

        Assert.Equal(0, report.Failed);
        Assert.True(report.Duplicates > 100 && report.Malformed > 50, $"profile should exercise all kinds: {report}");
        Assert.Equal(report.Valid + report.Duplicates, report.Accepted);
        Assert.Equal(report.Malformed, report.Rejected);

        Assert.Equal(report.Valid, await platform.WaitForAsync("SELECT count() FROM passages FINAL", report.Valid));
        // The writer's own id check already keeps duplicates out, before any merge.
        Assert.Equal(report.Valid, await platform.ScalarAsync("SELECT count() FROM passages"));
        Assert.Equal(report.Malformed, await platform.WaitForAsync("SELECT count() FROM rejected_payloads FINAL", report.Malformed));
    }
}
