using System.Security.Cryptography;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Simulation;
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
        settings["Ingest:GuardBooth:Operators:0:OperatorId"] = GuardOperatorId;
        settings["Ingest:GuardBooth:Operators:0:Name"] = "模拟门岗 (simulated guard booth)";
        settings["Ingest:GuardBooth:Operators:0:EnterpriseId"] = profile.EnterpriseId;
        settings["Ingest:GuardBooth:Operators:0:Token"] = token;
        return settings;
    }

    /// <summary>The plant's devices that talk HTTP and so send heartbeats: both cameras of each lane, the opacity meters.</summary>
    public static IEnumerable<string> HeartbeatDevices(SimulationProfile profile) =>
        SimulatedPlant.Lanes(profile).SelectMany(l => new[] { SimulatedPlant.CameraId(l.Gate, l.Lane), SimulatedPlant.SecondCameraId(l.Gate, l.Lane) })
            .Concat(profile.Gates.Select(SimulatedPlant.OpacityMeterId));

    /// <summary>Registers today's in-plant vehicles and machinery at the guard booth; returns what was accepted.</summary>
    public static async Task<(int Accepted, SimulatedMachineryDay Plan)> RegisterMachineryAsync(
        Uri ingest, SimulationProfile profile, string token, int seed, CancellationToken ct)
    {
        var plan = PlantMachinery.Plan(profile, seed, DateOnly.FromDateTime(DateTime.Now));
        using var http = new HttpClient();
        var accepted = await new GuardBoothClient(http, ingest, GuardOperatorId, token).RegisterAsync(plan.Roster, ct);
        return (accepted, plan);
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
