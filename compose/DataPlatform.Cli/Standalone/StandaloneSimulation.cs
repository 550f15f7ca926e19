using System.Security.Cryptography;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Http;
using DataPlatform.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Standalone;

/// <summary>
/// <c>standalone --simulate</c>: the simulated plant's devices are registered like a real plant's (cameras, opacity
/// meters, the weighbridge on a loopback TCP port), so the simulator drives every adapter — camera pushes with the
/// device token, and indicator frames over TCP that become paired weighings. Registering devices closes the
/// development default (an open generic endpoint): other senders need the printed token. A guard-booth operator is
/// registered too, and registers the plant's in-plant vehicles and machinery at start, so the guard booth and the
/// registers are exercised; the HTTP devices send heartbeats as real ones do, so a lane's second camera (which
/// pushes only when it disagrees) is not reported offline for its silence.
/// </summary>
public static class StandaloneSimulation
{
    /// <summary>The simulated guard-booth operator (门岗操作员).</summary>
    public const string GuardOperatorId = "guard-sim";

    /// <summary>Heartbeat period of the simulated HTTP devices: well inside <c>Ingest:DeviceSilenceSeconds</c> (180 s).</summary>
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(60);

    /// <summary>A fresh device token for one run.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The <c>Ingest:Devices</c> settings of <paramref name="profile"/>'s plant, the weighbridge on a free loopback port,
    /// and the guard-booth operator with <paramref name="token"/>.</summary>
    public static IReadOnlyDictionary<string, string?> DeviceSettings(SimulationProfile profile, string token)
    {
        var settings = SimulatedPlant.DeviceSettings(profile, token, "127.0.0.1:0");
        foreach (var (key, value) in PlantMachinery.WorkAreaSettings(profile, token, SimulatedPlant.NextDeviceIndex(settings))) settings[key] = value;
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = GuardOperatorId;
        settings["Ingest:GuardBooth:Operators:0:Name"] = "模拟门岗 (simulated guard booth)";
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = profile.EnterpriseId;
        settings["Ingest:GuardBooth:Operators:0:Token"] = token;
        return settings;
    }

    /// <summary>The plant's devices that talk HTTP and so send heartbeats: both cameras of each lane, the opacity
    /// meters, the work-area camera.</summary>
    public static IEnumerable<string> HeartbeatDevices(SimulationProfile profile) =>
        SimulatedPlant.Lanes(profile).SelectMany(l => new[] { SimulatedPlant.CameraId(l.Gate, l.Lane), SimulatedPlant.SecondCameraId(l.Gate, l.Lane) })
            .Concat(profile.Gates.Select(SimulatedPlant.OpacityMeterId))
            .Append(PlantMachinery.WorkAreaCameraId);

    /// <summary>Today in China (the guard booth's day), whatever the machine's time zone.</summary>
    public static DateOnly ChinaToday(TimeProvider clock) => DateOnly.FromDateTime(ChinaTime.From(clock.GetUtcNow()).DateTime);

    /// <summary>Registers today's in-plant vehicles and machinery at the guard booth; returns what was accepted.</summary>
    public static async Task<(int Accepted, SimulatedMachineryDay Plan)> RegisterMachineryAsync(
        Uri ingest, SimulationProfile profile, string token, int seed, CancellationToken ct)
    {
        var plan = PlantMachinery.Plan(profile, seed, ChinaToday(TimeProvider.System));
        using var http = new HttpClient();
        var accepted = await new GuardBoothClient(http, ingest, GuardOperatorId, token).RegisterAsync(plan.Roster, ct);
        return (accepted, plan);
    }

    /// <summary>
    /// The guard booth's days, live: each China day's machinery pushes (<see cref="PlantMachinery.Plan"/>: machines
    /// entering in the morning and leaving in the evening through the first gate, the work-area camera's sightings of
    /// every vehicle and machine, registered or not) are sent at their capture times — the ones of today already past
    /// when the simulation starts at once, as a camera's back-log — until <paramref name="ct"/> is cancelled. So
    /// <c>in_plant_movements</c> and <c>non_road_sightings</c> fill and the unregistered machines raise their alarm.
    /// Returns the pushes the platform accepted.
    /// </summary>
    public static async Task<int> RunMachineryDaysAsync(Uri ingest, SimulationProfile profile, string token, int seed,
        TimeProvider clock, CancellationToken ct)
    {
        using var http = new HttpClient();
        var sender = new GateTrafficSimulator(http, ingest, token);
        var accepted = 0;
        try
        {
            for (var day = ChinaToday(clock); !ct.IsCancellationRequested; day = day.AddDays(1))
            {
                foreach (var push in PlantMachinery.Plan(profile, seed, day).Traffic.Pushes)
                {
                    var wait = push.PassTime - clock.GetUtcNow();
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
                    // The sender's report counts since its start: the latest one is the total.
                    var report = await sender.RunTrafficAsync(new SimulatedTraffic(day, [], [push], [], []), concurrency: 1, ct);
                    accepted = report.Accepted + report.ReadingsAccepted;
                }
                var tomorrow = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
                var untilTomorrow = tomorrow - clock.GetUtcNow();
                if (untilTomorrow > TimeSpan.Zero) await Task.Delay(untilTomorrow, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopped with the simulation
        }
        return accepted;
    }

    /// <summary>Streams the plant's traffic into a started platform until <paramref name="count"/> pushes are sent or
    /// <paramref name="ct"/> is cancelled, weighing over the weighbridge's TCP listener; heartbeats meanwhile.</summary>
    public static async Task<SimulationReport> RunAsync(IServiceProvider services, Uri ingest, SimulationProfile profile, string token,
        int seed, int? count, double eventsPerSecond, CancellationToken ct)
    {
        var scale = services.GetRequiredService<TcpListenerDirectory>().EndpointOf(SimulatedPlant.WeighbridgeId)
                    ?? throw new InvalidOperationException($"the simulated weighbridge {SimulatedPlant.WeighbridgeId} is not listening: register DeviceSettings before the start");
        if (!TcpProtocols.TryParse(profile.WeighbridgeProtocol, DeviceKind.Weighbridge, out var protocol, out var why))
            throw new InvalidOperationException(why);
        await using var link = new WeighbridgeLink(scale, protocol, profile.EnterpriseId);
        using var http = new HttpClient();
        using var stopHeartbeats = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeats = HeartbeatsAsync(http, ingest, HeartbeatDevices(profile).ToList(), token, stopHeartbeats.Token);
        try
        {
            return await new GateTrafficSimulator(http, ingest, token, link).RunAsync(profile, seed, count, eventsPerSecond, concurrency: 16, null, ct);
        }
        finally
        {
            await stopHeartbeats.CancelAsync();
            await heartbeats;
        }
    }

    private static async Task HeartbeatsAsync(HttpClient http, Uri ingest, IReadOnlyList<string> devices, string token, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(HeartbeatPeriod);
        try
        {
            do
            {
                foreach (var device in devices)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ingest, DeviceEndpoints.HeartbeatPath.Replace("{deviceId}", device, StringComparison.Ordinal)))
                    {
                        Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add(DevicePushes.DeviceTokenHeader, token);
                    try { using var _ = await http.SendAsync(request, ct); }
                    catch (HttpRequestException) { /* ingest stopping; the next beat or the stop ends this */ }
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // stopped with the simulation
        }
    }
}
