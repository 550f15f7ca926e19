namespace DataPlatform.Gate;

/// <summary>The GA 24.4 names this platform knows (spec §2.5), and family names for the rest.</summary>
internal static class VehicleTypeNames
{
    private static readonly string[] TruckBodies = ["普通货车", "厢式货车", "封闭货车", "罐式货车", "平板货车", "集装厢车", "自卸货车", "特殊结构货车", "仓栅式货车"];

    private static readonly Dictionary<string, string> Specific = BuildSpecific();

    private static readonly Dictionary<string, string> CodeByName =
        Specific.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> FamilyNames = new(StringComparer.Ordinal)
    {
        ["H1"] = "重型货车", ["H2"] = "中型货车", ["H3"] = "轻型货车", ["H4"] = "微型货车", ["H"] = "货车",
        ["Q1"] = "重型牵引车", ["Q2"] = "中型牵引车", ["Q3"] = "轻型牵引车", ["Q"] = "牵引车",
        ["B1"] = "重型半挂车", ["B2"] = "中型半挂车", ["B3"] = "轻型半挂车", ["B"] = "半挂车",
        ["G1"] = "重型全挂车", ["G2"] = "中型全挂车", ["G3"] = "轻型全挂车", ["G"] = "全挂车",
        ["K1"] = "大型客车", ["K2"] = "中型客车", ["K3"] = "小型客车", ["K4"] = "微型客车", ["K"] = "客车",
        ["Z"] = "专项作业车", ["N"] = "三轮汽车", ["M"] = "摩托车", ["T"] = "拖拉机", ["X"] = "其他",
    };

    public static IEnumerable<string> NamedCodes => Specific.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnownFamily(char letter) => FamilyNames.ContainsKey(letter.ToString());

    public static bool TryCodeOf(string name, out string code) => CodeByName.TryGetValue(name, out code!);

    public static string NameOf(string code)
    {
        if (Specific.TryGetValue(code, out var name))
            return name;
        if (code.Length >= 2 && FamilyNames.TryGetValue(code[..2], out name))
            return name;
        return code.Length >= 1 && FamilyNames.TryGetValue(code[..1], out name) ? name : "";
    }

    private static Dictionary<string, string> BuildSpecific()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Q11"] = "重型半挂牵引车",
            ["Q21"] = "中型半挂牵引车",
            ["Q31"] = "轻型半挂牵引车",
            ["N11"] = "三轮汽车",
        };
        for (var i = 0; i < TruckBodies.Length; i++)
        {
            names[$"H1{i + 1}"] = "重型" + TruckBodies[i];
            names[$"H2{i + 1}"] = "中型" + TruckBodies[i];
        }
        return names;
    }
}
