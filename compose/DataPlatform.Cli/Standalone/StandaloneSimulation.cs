using System.Security.Cryptography;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Cli.Standalone;

/// <summary>
/// <c>standalone --simulate</c>: the simulated plant's devices are registered like a real plant's (cameras, opacity
/// meters, the weighbridge on a loopback TCP port), so the simulator drives every adapter — camera pushes with the
/// device token, and indicator frames over TCP that become paired weighings. Registering devices closes the
/// development default (an open generic endpoint): other senders need the printed token.
/// </summary>
public static class StandaloneSimulation
{
    /// <summary>A fresh device token for one run.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The <c>Ingest:Devices</c> settings of <paramref name="profile"/>'s plant, the weighbridge on a free loopback port.</summary>
    public static IReadOnlyDictionary<string, string?> DeviceSettings(SimulationProfile profile, string token) =>
        SimulatedPlant.DeviceSettings(profile, token, "127.0.0.1:0");

    /// <summary>Streams the plant's traffic into a started platform until <paramref name="count"/> pushes are sent or
    /// <paramref name="ct"/> is cancelled, weighing over the weighbridge's TCP listener.</summary>
    public static async Task<SimulationReport> RunAsync(IServiceProvider services, Uri ingest, SimulationProfile profile, string token,
        int seed, int? count, double eventsPerSecond, CancellationToken ct)
    {
        var scale = services.GetRequiredService<TcpListenerDirectory>().EndpointOf(SimulatedPlant.WeighbridgeId)
                    ?? throw new InvalidOperationException($"the simulated weighbridge {SimulatedPlant.WeighbridgeId} is not listening: register DeviceSettings before the start");
        if (!TcpProtocols.TryParse(profile.WeighbridgeProtocol, DeviceKind.Weighbridge, out var protocol, out var why))
            throw new InvalidOperationException(why);
        await using var link = new WeighbridgeLink(scale, protocol, profile.EnterpriseId);
        using var http = new HttpClient();
        return await new GateTrafficSimulator(http, ingest, token, link).RunAsync(profile, seed, count, eventsPerSecond, concurrency: 16, null, ct);
    }
}
