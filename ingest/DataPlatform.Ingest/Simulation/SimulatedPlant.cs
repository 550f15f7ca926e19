using System.Globalization;

namespace DataPlatform.Ingest.Simulation;

/// <summary>The devices a simulated plant has, named the way the simulator sends as them: one generic camera
/// per gate lane (<c>cam-G01-L1</c>) and one weighbridge (<see cref="WeighbridgeId"/>) on TCP. Gives the
/// <c>Ingest:Devices</c> configuration a platform needs to accept the simulator with credentials.</summary>
public static class SimulatedPlant
{
    public const string WeighbridgeId = "wb-01";

    public static string CameraId(string gate, int lane) => $"cam-{gate}-L{lane}";

    /// <summary>Lane 1 watches arrivals; the last lane departures (one lane: both ways).</summary>
    public static int LaneFor(SimulationProfile profile, int direction) => direction == 1 ? 1 : profile.LanesPerGate;

    public static IEnumerable<(string Gate, int Lane)> Lanes(SimulationProfile profile) =>
        profile.Gates.SelectMany(g => Enumerable.Range(1, profile.LanesPerGate).Select(l => (g, l)));

    /// <summary>Configuration keys (<c>Ingest:Devices:i:…</c>) registering the plant's cameras with
    /// <paramref name="token"/> and its weighbridge listening on <paramref name="weighbridgeListen"/>.</summary>
    public static Dictionary<string, string?> DeviceSettings(SimulationProfile profile, string token, string weighbridgeListen)
    {
        var settings = new Dictionary<string, string?>();
        var i = 0;
        void Add(string key, string value) => settings[string.Create(CultureInfo.InvariantCulture, $"Ingest:Devices:{i}:{key}")] = value;
        foreach (var (gate, lane) in Lanes(profile))
        {
            Add("DeviceId", CameraId(gate, lane));
            Add("Kind", "generic");
            Add("EnterpriseId", profile.EnterpriseId);
            Add("GateId", gate);
            Add("LaneId", $"L{lane}");
            Add("Token", token);
            i++;
        }
        Add("DeviceId", WeighbridgeId);
        Add("Kind", "weighbridge");
        Add("EnterpriseId", profile.EnterpriseId);
        Add("Token", token);
        Add("Listen", weighbridgeListen);
        Add("Protocol", profile.WeighbridgeProtocol);
        return settings;
    }
}
