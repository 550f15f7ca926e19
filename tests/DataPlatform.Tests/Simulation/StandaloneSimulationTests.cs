using DataPlatform.Cli.Hosting;
using DataPlatform.Cli.Standalone;
using DataPlatform.Ingest.Simulation;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        var settings = platform.Settings();
        foreach (var (key, value) in StandaloneSimulation.DeviceSettings(profile, token)) settings[key] = value;
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        TestLogging.Configure(builder.Logging);
        builder.AddDataPlatform(PlatformRole.All);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
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
        finally
        {
            await host.StopAsync();
        }
    }
}
