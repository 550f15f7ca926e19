using System.Globalization;

namespace DataPlatform.Ingest.Simulation;

/// <summary>The devices a simulated plant has, named the way the simulator sends as them: two generic cameras
/// per gate lane (<c>cam-G01-L1</c>, <c>cam-G01-L1b</c>), given the fleet an e-tag reader per lane (<c>rfid-G01-L1</c>,
/// line protocol on TCP, the fleet's tags registered), a smoke-opacity meter per gate (<c>om-G01</c>) and one
/// weighbridge (<see cref="WeighbridgeId"/>) on TCP. Gives the
/// <c>Ingest:Devices</c> configuration a platform needs to accept the simulator with credentials.</summary>
public static class SimulatedPlant
{
    public const string WeighbridgeId = "wb-01";

    public static string CameraId(string gate, int lane) => $"cam-{gate}-L{lane}";

    /// <summary>The lane's second camera (<c>cam-G01-L1b</c>), registered at the same gate and lane.</summary>
    public static string SecondCameraId(string gate, int lane) => CameraId(gate, lane) + "b";

    /// <summary>The lane's e-tag reader (<c>rfid-G01-L1</c>).</summary>
    public static string TagReaderId(string gate, int lane) => $"rfid-{gate}-L{lane}";

    /// <summary>The gate's smoke-opacity meter (<c>om-G01</c>), on the entry lane.</summary>
    public static string OpacityMeterId(string gate) => $"om-{gate}";

    /// <summary>Lane 1 watches arrivals; the last lane departures (one lane: both ways).</summary>
    public static int LaneFor(SimulationProfile profile, int direction) => direction == 1 ? 1 : profile.LanesPerGate;

    public static IEnumerable<(string Gate, int Lane)> Lanes(SimulationProfile profile) =>
        profile.Gates.SelectMany(g => Enumerable.Range(1, profile.LanesPerGate).Select(l => (g, l)));

    /// <summary>Configuration keys (<c>Ingest:Devices:i:…</c>) registering the plant's cameras (two per lane), opacity meters with
    /// <paramref name="token"/> and its weighbridge listening on <paramref name="weighbridgeListen"/>; given the
    /// <paramref name="fleet"/>, an e-tag reader per lane listening on a free loopback port with the fleet's tags.</summary>
    public static Dictionary<string, string?> DeviceSettings(SimulationProfile profile, string token, string weighbridgeListen,
        IReadOnlyList<SimulatedVehicle>? fleet = null)
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
            Add("DeviceId", SecondCameraId(gate, lane));
            Add("Kind", "generic");
            Add("EnterpriseId", profile.EnterpriseId);
            Add("GateId", gate);
            Add("LaneId", $"L{lane}");
            Add("Token", token);
            i++;
        }
        foreach (var gate in profile.Gates)
        {
            Add("DeviceId", OpacityMeterId(gate));
            Add("Kind", "opacity-meter");
            Add("EnterpriseId", profile.EnterpriseId);
            Add("GateId", gate);
            Add("LaneId", $"L{LaneFor(profile, 1)}");
            Add("Token", token);
            i++;
        }
        var tagged = fleet?.Where(v => v.Epc is not null).ToList() ?? [];
        foreach (var (gate, lane) in tagged.Count > 0 ? Lanes(profile) : [])
        {
            Add("DeviceId", TagReaderId(gate, lane));
            Add("Kind", "etag");
            Add("EnterpriseId", profile.EnterpriseId);
            Add("GateId", gate);
            Add("LaneId", $"L{lane}");
            Add("Token", token);
            Add("Listen", "127.0.0.1:0");
            Add("Protocol", "line");
            for (var t = 0; t < tagged.Count; t++)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"Tags:{t}:Epc"), tagged[t].Epc!);
                Add(string.Create(CultureInfo.InvariantCulture, $"Tags:{t}:PlateNo"), tagged[t].Plate);
            }
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
