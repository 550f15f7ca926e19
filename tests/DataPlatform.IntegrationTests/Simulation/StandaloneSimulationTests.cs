using DataPlatform.Cli.Hosting;
using DataPlatform.Cli.Standalone;
using DataPlatform.Gate;
using DataPlatform.Simulation;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Simulation;

/// <summary><c>standalone --simulate</c>'s wiring: the plant's devices registered as standalone registers them, the
/// simulator streaming through them — and the weighbridge's frames over TCP becoming weighings in the ledger.</summary>
[Collection(EnginesCollection.Name)]
public sealed class StandaloneSimulationTests(EnginesFixture engines)
{
    [Fact]
    public async Task Standalone_simulation_registers_the_weighbridge_and_produces_paired_weighings()
    {
        await using var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.Weighings, 2);
        platform.Kafka.CreateTopic(Topics.DeviceEvents, 1);
        platform.Kafka.CreateTopic(Topics.EmissionReadings, 2);
        var profile = SimulationProfile.Find("steel")!;
        var token = StandaloneSimulation.NewToken();
        var host = await platform.StartAsync(PlatformRole.All, StandaloneSimulation.DeviceSettings(profile, token));
        var report = await StandaloneSimulation.RunAsync(host.Services, TestPlatform.IngestUri(host), profile, token,
            seed: 5, count: 600, eventsPerSecond: 0, CancellationToken.None);

        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Valid + report.Duplicates, report.Accepted);
        Assert.True(report.Weighings > 50, $"the simulated steel plant should weigh its trucks: {report}");
        Assert.Equal(report.Weighings, await platform.WaitForAsync("SELECT count() FROM weighings FINAL", report.Weighings));
        // A trip that completed is weighed twice, loaded and empty: the heavier and the lighter weight alternate per truck.
        Assert.True(await platform.ScalarAsync("SELECT count() FROM weighings FINAL WHERE weight_kg > 20000") > 0);
        Assert.True(await platform.ScalarAsync("SELECT count() FROM weighings FINAL WHERE weight_kg < 20000") > 0);
        Assert.Equal(report.Valid, await platform.WaitForAsync("SELECT count() FROM passages FINAL", report.Valid));
        // The registered opacity meters measure entering diesel trucks too.
        Assert.True(report.Readings > 0 && report.ReadingsAccepted == report.Readings, $"opacity readings: {report}");
        Assert.Equal(report.Readings, await platform.WaitForAsync("SELECT count() FROM opacity_readings FINAL", report.Readings));
    }

    [Fact]
    public async Task Standalone_simulation_runs_the_guard_booth_day_in_plant_movements_sightings_and_the_unregistered_alarm()
    {
        await using var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.DeviceEvents, 1);
        foreach (var topic in new[] { Topics.RegistryChanges, Topics.ControlCommands, Topics.Alarms, Topics.WorkAreaSightings })
        platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        var profile = SimulationProfile.Find("steel")!;
        var token = StandaloneSimulation.NewToken();
        var host = await platform.StartAsync(PlatformRole.All, StandaloneSimulation.DeviceSettings(profile, token));
        var ingest = TestPlatform.IngestUri(host);
        var (registered, _) = await StandaloneSimulation.RegisterMachineryAsync(ingest, profile, token, seed: 7, CancellationToken.None);
        // Late evening of yesterday (China): the whole day's pushes are in the past, so they go at once, in order;
        // then the runner waits for tomorrow, which this test does not.
        var day = StandaloneSimulation.ChinaToday(TimeProvider.System).AddDays(-1);
        var evening = new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 30)), ChinaTime.Offset));
        var plan = PlantMachinery.Plan(profile, seed: 7, day);
        Assert.Equal(plan.RegisteredInPlant + plan.RegisteredNonRoad, registered);
        Assert.Equal(plan.RegisteredInPlant, await platform.WaitForAsync("SELECT count() FROM in_plant_vehicles_latest", plan.RegisteredInPlant));
        using var stop = new CancellationTokenSource();
        var running = StandaloneSimulation.RunMachineryDaysAsync(ingest, profile, token, seed: 7, evening, stop.Token);

        await SimulatedMachineryLedger.AssertLandedAsync(platform, plan);
        Assert.Equal(plan.GatePassages, await platform.WaitForAsync(
            "SELECT count() FROM passages FINAL WHERE event_id LIKE 'mach-%'", plan.GatePassages));
        await stop.CancelAsync();
        Assert.Equal(plan.Traffic.Valid, await running);
        // The work-area camera is heartbeated with the plant's HTTP devices, so it is never reported offline for its silences.
        Assert.Contains(PlantMachinery.WorkAreaCameraId, StandaloneSimulation.HeartbeatDevices(profile));
    }
}
