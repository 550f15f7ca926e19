using System.Globalization;

namespace DataPlatform.Simulation;

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

    /// <summary>The index the next <c>Ingest:Devices:i</c> entry takes after those in <paramref name="settings"/>, so a
    /// device added after the plant's (a work-area camera, a benchmark's camera) never goes over one of them.</summary>
    public static int NextDeviceIndex(IReadOnlyDictionary<string, string?> settings) =>
        settings.Keys.Where(k => k.StartsWith("Ingest:Devices:", StringComparison.Ordinal)).Select(k => k.Split(':')[2]).Distinct().Count();

    /// <summary>Configuration keys (<c>Ingest:Devices:i:…</c>) registering the plant's cameras (two per lane), opacity meters with
    /// <paramref name="token"/> and its weighbridge listening on <paramref name="weighbridgeListen"/>; given the
    /// <paramref name="fleet"/>, an e-tag reader per lane listening on a free loopback port with the fleet's tags.</summary>
    public static Dictionary<string, string?> DeviceSettings(SimulationProfile profile, string token, string weighbridgeListen,
        IReadOnlyList<SimulatedVehicle>? fleet = null)
    {
        var settings = new Dictionary<string, string?>();
        var i = 0;
        void Device(string id, string kind, string? gate, string? lane, IEnumerable<(string Key, string Value)> extra)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Ingest:Devices:{i++}:");
            settings[prefix + "DeviceId"] = id;
            settings[prefix + "Kind"] = kind;
            settings[prefix + "EnterpriseId"] = profile.EnterpriseId;
            if (gate is not null) settings[prefix + "GateId"] = gate;
            if (lane is not null) settings[prefix + "LaneId"] = lane;
            settings[prefix + "Token"] = token;
            foreach (var (key, value) in extra) settings[prefix + key] = value;
        }
        foreach (var (gate, lane) in Lanes(profile))
        {
            Device(CameraId(gate, lane), "generic", gate, $"L{lane}", []);
            Device(SecondCameraId(gate, lane), "generic", gate, $"L{lane}", []);
        }
        foreach (var gate in profile.Gates)
            Device(OpacityMeterId(gate), "opacity-meter", gate, $"L{LaneFor(profile, 1)}", []);
        var tagged = fleet?.Where(v => v.Epc is not null).ToList() ?? [];
        var tags = tagged.SelectMany((v, t) => new[]
        {
            (string.Create(CultureInfo.InvariantCulture, $"Tags:{t}:Epc"), v.Epc!),
            (string.Create(CultureInfo.InvariantCulture, $"Tags:{t}:PlateNo"), v.Plate),
        }).ToList();
        foreach (var (gate, lane) in tagged.Count > 0 ? Lanes(profile) : [])
            Device(TagReaderId(gate, lane), "etag", gate, $"L{lane}", [("Listen", "127.0.0.1:0"), ("Protocol", "line"), .. tags]);
        Device(WeighbridgeId, "weighbridge", null, null, [("Listen", weighbridgeListen), ("Protocol", profile.WeighbridgeProtocol)]);
        return settings;
    }
}
