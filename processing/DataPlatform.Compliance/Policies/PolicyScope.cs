namespace DataPlatform.Compliance.Policies;

/// <summary>Which vehicles an emergency policy governs (spec §3).</summary>
public enum PolicyScope
{
    /// <summary>重型载货车: GA 24.4 H1x and Q1x road vehicles.</summary>
    HeavyTruck = 1,

    /// <summary>厂内运输车辆.</summary>
    InPlant = 2,

    /// <summary>非道路移动机械.</summary>
    NonRoad = 3,

    /// <summary>所有道路货运车辆: trucks, tractors and trailers of any weight class.</summary>
    AllRoadGoods = 4,
}
