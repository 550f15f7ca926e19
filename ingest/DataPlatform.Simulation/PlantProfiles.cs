using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>The plants of the seed's table. Numbers are plausible orders of magnitude, not survey data: they
/// exist so tests and demos see the shapes a real plant has (night peaks at steel works, daytime-only hazmat,
/// round-the-clock ports, a manufacturer's shift pattern and quiet weekend).</summary>
public static class PlantProfiles
{
    // Many cities keep heavy trucks out of town by day, so bulk material reaches steel works at night.
    private static readonly double[] NightHeavy = [1.6, 1.6, 1.5, 1.4, 1.3, 1.2, 1.0, 0.8, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.5, 1.6];

    // 危化品 transport is commonly banned at night; chemical plants load and ship in daylight.
    private static readonly double[] Daytime = [0, 0, 0, 0, 0, 0, 0.3, 1.0, 1.4, 1.5, 1.5, 1.2, 0.8, 1.2, 1.5, 1.5, 1.4, 1.0, 0.4, 0.1, 0, 0, 0, 0];

    private static readonly double[] RoundTheClock = [0.8, 0.7, 0.6, 0.6, 0.7, 0.8, 1.0, 1.2, 1.3, 1.3, 1.2, 1.1, 1.0, 1.1, 1.2, 1.3, 1.3, 1.2, 1.1, 1.0, 1.0, 0.9, 0.9, 0.8];

    private static readonly double[] Shifts = [0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.6, 1.8, 1.5, 1.3, 1.0, 0.8, 1.2, 1.4, 1.4, 1.3, 1.6, 1.2, 0.5, 0.3, 0.2, 0.1, 0.1];

    public static IReadOnlyList<SimulationProfile> All { get; } =
    [
        new("steel", "钢铁长流程企业：重型货车为主，两个货运门", "E1302001", ["G01", "G02"], 2, 20, 0.15, 0.02, 0.01)
        {
            DailyTrips = 1600, FleetSize = 500, HourlyWeights = NightHeavy, WeekdayFactors = [0.9, 1, 1, 1, 1, 1, 0.95],
            StageMix = [(EmissionStage.Guo6b, 0.45), (EmissionStage.Guo6a, 0.15), (EmissionStage.Guo5, 0.32), (EmissionStage.Guo4, 0.08)],
            GasShare = 0.2, VehicleTypes = [("H17", 0.45), ("Q11", 0.40), ("H11", 0.15)],
            Carriers = ["自有车队", "个体", "唐山顺达物流有限公司", "河北钢运汽车运输有限公司", "迁安市通达运输队"],
            InboundShare = 0.65, CargoIn = ["铁矿石", "焦炭", "煤", "石灰石"], CargoOut = ["钢坯", "螺纹钢", "热轧卷板", "水渣"],
            WeighbridgeProtocol = "xk3190-equals",
        },
        new("chemicals", "化工企业：危化品车辆较多，一个货运门", "E3205002", ["G01"], 2, 8, 0.05, 0.02, 0.01)
        {
            DailyTrips = 300, FleetSize = 150, HourlyWeights = Daytime, WeekdayFactors = [0.3, 1, 1, 1, 1, 1, 0.6],
            StageMix = [(EmissionStage.Guo6, 0.6), (EmissionStage.Guo5, 0.35), (EmissionStage.Guo4, 0.05)],
            GasShare = 0.05, HazmatShare = 0.45, VehicleTypes = [("H14", 0.5), ("Q11", 0.3), ("H11", 0.2)],
            Carriers = ["自有车队", "个体", "苏州安达危险品运输有限公司", "江苏化运物流有限公司"],
            InboundShare = 0.5, CargoIn = ["甲醇", "液碱", "硫酸"], CargoOut = ["醋酸", "聚氯乙烯", "液氯"],
            WeighbridgeProtocol = "toledo",
        },
        new("port", "港口/物流园区：集装箱牵引车，多个门", "E3702003", ["G01", "G02", "G03"], 3, 40, 0.25, 0.02, 0.01)
        {
            DailyTrips = 2500, FleetSize = 900, HourlyWeights = RoundTheClock, WeekdayFactors = [0.9, 1, 1, 1, 1, 1, 1],
            StageMix = [(EmissionStage.Guo6, 0.5), (EmissionStage.Guo5, 0.4), (EmissionStage.Guo4, 0.1)],
            GasShare = 0.25, VehicleTypes = [("Q11", 0.8), ("H15", 0.1), ("H11", 0.1)],
            Carriers = ["自有车队", "个体", "青岛港联捷集装箱运输有限公司", "山东陆港物流有限公司", "黄岛区顺通车队"],
            InboundShare = 0.5, CargoIn = ["进口集装箱", "散粮"], CargoOut = ["出口集装箱", "钢材"],
            WeighbridgeProtocol = "xk3190-stx", WeighedShare = 0.6,
        },
        new("manufacturer", "大型制造企业：轻中型货车与客车混合", "E4403004", ["G01", "G02"], 1, 10, 0.30, 0.02, 0.01)
        {
            DailyTrips = 600, FleetSize = 250, HourlyWeights = Shifts, WeekdayFactors = [0.2, 1, 1, 1, 1, 1, 0.5],
            StageMix = [(EmissionStage.Guo6, 0.7), (EmissionStage.Guo5, 0.25), (EmissionStage.Guo4, 0.05)],
            GasShare = 0.05, VehicleTypes = [("H21", 0.3), ("H31", 0.3), ("K11", 0.15), ("K33", 0.1), ("H11", 0.15)],
            Carriers = ["自有车队", "个体", "深圳顺丰速运", "东莞市宏达物流有限公司"],
            InboundShare = 0.55, CargoIn = ["零部件", "钢板"], CargoOut = ["整机", "包装件"],
            WeighbridgeProtocol = "toledo", WeighedShare = 0.5,
        },
    ];
}
