namespace DataPlatform.Ingest.Simulation;

/// <summary>A plant's gate traffic as the simulator reproduces it.</summary>
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
    public static IReadOnlyList<SimulationProfile> All { get; } =
    [
        new("steel", "钢铁长流程企业：重型货车为主，两个货运门", "E1302001", ["G01", "G02"], 2, 20, 0.15, 0.02, 0.01),
        new("chemicals", "化工企业：危化品车辆较多，一个货运门", "E3205002", ["G01"], 2, 8, 0.05, 0.02, 0.01),
        new("port", "港口/物流园区：集装箱牵引车，多个门", "E3702003", ["G01", "G02", "G03"], 3, 40, 0.25, 0.02, 0.01),
        new("manufacturer", "大型制造企业：轻中型货车与客车混合", "E4403004", ["G01", "G02"], 1, 10, 0.30, 0.02, 0.01),
    ];

    public static SimulationProfile Default => All[0];

    public static SimulationProfile? Find(string? name) =>
        string.IsNullOrEmpty(name) ? Default : All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
