namespace DataPlatform.Gate.Registers;

/// <summary>Which register a record belongs to (spec §1.2, §1.3), plus road vehicles learnt from the national
/// vehicle/machinery environmental information platform.</summary>
public enum RegisterKind
{
    /// <summary>厂内运输车辆.</summary>
    InPlant = 1,

    /// <summary>非道路移动机械.</summary>
    NonRoad = 2,

    /// <summary>道路车辆 learnt from the national platform (no guard-booth register of its own).</summary>
    Road = 3,
}

/// <summary>Wire names and Chinese names of <see cref="RegisterKind"/>.</summary>
public static class RegisterKinds
{
    public const string InPlantName = "in-plant";
    public const string NonRoadName = "non-road";
    public const string RoadName = "road";

    extension(RegisterKind kind)
    {
        public string WireName => kind switch
        {
            RegisterKind.InPlant => InPlantName,
            RegisterKind.NonRoad => NonRoadName,
            _ => RoadName,
        };

        public string ChineseName => kind switch
        {
            RegisterKind.InPlant => "厂内运输车辆",
            RegisterKind.NonRoad => "非道路移动机械",
            _ => "道路车辆",
        };
    }

    public static bool TryParse(string? text, out RegisterKind kind)
    {
        kind = text switch
        {
            InPlantName => RegisterKind.InPlant,
            NonRoadName => RegisterKind.NonRoad,
            RoadName => RegisterKind.Road,
            _ => 0,
        };
        return kind != 0;
    }
}
