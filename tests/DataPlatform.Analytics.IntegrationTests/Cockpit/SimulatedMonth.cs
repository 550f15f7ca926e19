using DataPlatform.Analytics.Rating;
using DataPlatform.Cli.Hosting;
using DataPlatform.Simulation;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>A month of a simulated steel plant's gate traffic sent through the whole platform (camera pushes over
/// HTTP into ingest, processing deciding and sealing into the ledger), time-compressed: the last
/// <see cref="Days"/> China days up to yesterday, a small daily volume so the month takes seconds.</summary>
public sealed class SimulatedMonth : IAsyncDisposable
{
    public const int Days = 30;

    private SimulatedMonth(TestPlatform platform, IHost host, SimulationProfile profile, DateOnly first, int passages)
    {
        Platform = platform;
        Host = host;
        Profile = profile;
        FirstDay = first;
        Passages = passages;
    }

    public TestPlatform Platform { get; }

    public IHost Host { get; }

    public SimulationProfile Profile { get; }

    public DateOnly FirstDay { get; }

    public DateOnly LastDay => FirstDay.AddDays(Days - 1);

    /// <summary>Passages the ledger holds once the month has arrived.</summary>
    public int Passages { get; }

    public static async Task<SimulatedMonth> SendAsync(EnginesFixture engines, int dailyTrips = 30, int seed = 17)
    {
        var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.Weighings, 2);
        platform.Kafka.CreateTopic(Topics.DeviceEvents, 1);
        foreach (var topic in new[] { Topics.RegistryChanges, Topics.ControlCommands, Topics.Alarms, Topics.WorkAreaSightings, Topics.EmissionReadings })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        var host = await platform.StartAsync(PlatformRole.All);
        var profile = SimulationProfile.Find("steel")! with { DailyTrips = dailyTrips, FleetSize = 60, MisreadShare = 0.05, SecondCameraShare = 0.05, OpacitySpotCheckShare = 0 };
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var first = today.AddDays(-Days);
        var generator = new GateEventGenerator(profile, seed);
        using var http = new HttpClient();
        var simulator = new GateTrafficSimulator(http, TestPlatform.IngestUri(host));
        var expected = 0;
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var traffic = generator.Day(day);
            var secondReads = traffic.Pushes.Count(p => p is { SecondCamera: true, Kind: SimulatedPushKind.Valid });
            var report = await simulator.RunTrafficAsync(traffic with { Weighings = [], Readings = [] }, concurrency: 16, CancellationToken.None);
            Assert.Equal(0, report.Failed);
            expected += traffic.Valid - secondReads;
        }
        var arrived = await platform.WaitForAsync("SELECT count() FROM passages FINAL", expected, TimeSpan.FromSeconds(120));
        Assert.Equal(expected, arrived);
        await platform.WaitForAsync("SELECT count() FROM gate_decisions FINAL", expected, TimeSpan.FromSeconds(60));
        // The rating's per-day figures, as its refresh job computes them (the job's schedule is not waited for).
        await host.Services.GetRequiredService<RatingRefresher>().RefreshAsync(first, today, CancellationToken.None);
        return new SimulatedMonth(platform, host, profile, first, expected);
    }

    public ValueTask DisposeAsync() => Platform.DisposeAsync();
}
