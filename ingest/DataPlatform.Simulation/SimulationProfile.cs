using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>A plant's gate traffic as the simulator reproduces it. The positional part is the load-generator
/// view (rate, shares of duplicates and garbage); the init part describes the plant itself: when trucks come,
/// what fleet they belong to, how often the devices misbehave. The plants are in <see cref="PlantProfiles"/>.</summary>
public sealed record SimulationProfile(
    string Name,
    string Description,
    string EnterpriseId,
    IReadOnlyList<string> Gates,
    int LanesPerGate,
    double EventsPerSecond,
    double NevShare,
    double DuplicateShare,
    double MalformedShare)
{
    /// <summary>Trips (one entry and one exit each) on an ordinary weekday.</summary>
    public int DailyTrips { get; init; } = 1000;

    /// <summary>Distinct vehicles; each trip takes one that is not inside the plant.</summary>
    public int FleetSize { get; init; } = 300;

    /// <summary>Relative traffic of each hour 0..23 (China time); normalised when used.</summary>
    public IReadOnlyList<double> HourlyWeights { get; init; } = Flat;

    /// <summary>Traffic factor by <see cref="DayOfWeek"/> (index 0 = Sunday).</summary>
    public IReadOnlyList<double> WeekdayFactors { get; init; } = [0.7, 1, 1, 1, 1, 1, 0.85];

    /// <summary>Emission stages of the combustion vehicles, with weights; NEVs are <see cref="SimulationProfile.NevShare"/>.</summary>
    public IReadOnlyList<(EmissionStage Stage, double Weight)> StageMix { get; init; } =
        [(EmissionStage.Guo6, 0.55), (EmissionStage.Guo5, 0.35), (EmissionStage.Guo4, 0.10)];

    /// <summary>Share of combustion heavy trucks running on natural gas (judged by stage like diesel ones).</summary>
    public double GasShare { get; init; } = 0.1;

    /// <summary>GA 24.4 types of the fleet's goods vehicles, with weights.</summary>
    public IReadOnlyList<(string Type, double Weight)> VehicleTypes { get; init; } = [("H11", 0.4), ("H17", 0.3), ("Q11", 0.3)];

    /// <summary>Share of 危化品 vehicles (use nature R, tank trucks).</summary>
    public double HazmatShare { get; init; }

    /// <summary>车队 names; the first is the plant's own fleet, "个体" stands for owner-drivers.</summary>
    public IReadOnlyList<string> Carriers { get; init; } = ["自有车队", "个体"];

    /// <summary>Share of trips that bring material in (gross at entry, tare at exit); the rest ship out.</summary>
    public double InboundShare { get; init; } = 0.6;

    public IReadOnlyList<string> CargoIn { get; init; } = ["原材料"];

    public IReadOnlyList<string> CargoOut { get; init; } = ["产品"];

    /// <summary>Share of passages whose plate the camera misreads (one confusable character, low confidence).</summary>
    public double MisreadShare { get; init; } = 0.01;

    /// <summary>Device outages per day (a camera or the weighbridge line is down 5–40 minutes).</summary>
    public int OutagesPerDay { get; init; } = 2;

    /// <summary>The weighbridge indicator's protocol (<c>TcpProtocol</c> name) the simulator speaks.</summary>
    public string WeighbridgeProtocol { get; init; } = "xk3190-equals";

    /// <summary>Share of trips that cross the weighbridge (goods vehicles; buses and cars never do).</summary>
    public double WeighedShare { get; init; } = 0.9;

    /// <summary>Share of passages where the lane's second camera reads another plate than the first (one character
    /// of a confusable pair 0/D/Q, 8/B, 1/I) and sends its own event, as two cameras at a lane do. An unreadable
    /// result (I is not a plate character) is rejected like any invalid plate. Agreeing second reads are not simulated.</summary>
    public double SecondCameraShare { get; init; } = 0.01;

    /// <summary>Share of the fleet's diesel goods vehicles that smoke (high emitters): every entry of theirs is
    /// measured by the gate's smoke-opacity meter and reads above the GB 3847-2018 limit.</summary>
    public double HighEmitterShare { get; init; } = 0.03;

    /// <summary>Share of the other diesel goods vehicles' entries the opacity meter spot-checks (reads within limits).</summary>
    public double OpacitySpotCheckShare { get; init; } = 0.05;

    /// <summary>Share of the fleet carrying a registered e-tag (电子标签): the lane's reader reads it a moment before the
    /// camera, and the platform cross-checks the two. Chosen from each plate's hash, so a seed's traffic stays the same.</summary>
    public double ETagShare { get; init; } = 0.3;

    public static IReadOnlyList<SimulationProfile> All => PlantProfiles.All;

    public static SimulationProfile Default => All[0];

    public static SimulationProfile? Find(string? name) =>
        string.IsNullOrEmpty(name) ? Default : All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static readonly double[] Flat = [.. Enumerable.Repeat(1.0, 24)];
}
