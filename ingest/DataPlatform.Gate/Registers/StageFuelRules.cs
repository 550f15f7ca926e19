namespace DataPlatform.Gate.Registers;

/// <summary>Stage/fuel consistency of a register record as hard rules: what the guard booth refuses and what
/// the national-platform learner will not write into the registry. Pure.
/// <list type="bullet">
/// <item>Stage D (电动) needs fuel C 电 or P 氢; fuel C or P needs stage D (X tolerated for machinery, whose
/// label may say "无").</item>
/// <item>Stage X (无) exists only for non-road machinery.</item>
/// <item>Non-road machinery stages stop at 国四 (GB 20891-2014): 国五/国六 on a machine is a road stage
/// entered by mistake.</item>
/// <item>Fuel Y (无) cannot go with a combustion stage.</item>
/// </list></summary>
public static class StageFuelRules
{
    public const string ElectricStageFuel = "electric_stage_fuel";
    public const string ZeroEmissionFuelStage = "zero_emission_fuel_stage";
    public const string StageXRoad = "stage_x_road";
    public const string NonRoadStage = "non_road_stage";
    public const string NoFuelCombustion = "no_fuel_combustion";

    /// <summary>The first violated rule, or null when the pair is consistent for <paramref name="kind"/>.</summary>
    public static Rejection? Check(RegisterKind kind, EmissionStage stage, FuelType fuel)
    {
        var zeroEmissionFuel = fuel is FuelType.Electric or FuelType.Hydrogen;
        if (stage == EmissionStage.Electric && !zeroEmissionFuel)
            return new(ElectricStageFuel, $"排放阶段为电动(D)，燃料类型应为电(C)或氢(P)，而不是{fuel.ChineseName}({fuel.Code})");
        if (zeroEmissionFuel && stage.IsCombustion)
            return new(ZeroEmissionFuelStage, $"燃料类型为{fuel.ChineseName}({fuel.Code})，排放阶段应为电动(D)，而不是{stage.ChineseName}");
        if (stage == EmissionStage.None && kind != RegisterKind.NonRoad)
            return new(StageXRoad, $"排放阶段“无”(X)仅用于非道路移动机械，{kind.ChineseName}须登记排放阶段");
        if (kind == RegisterKind.NonRoad && stage.IsCombustion && stage > EmissionStage.Guo4)
            return new(NonRoadStage, $"非道路移动机械的排放阶段为国一至国四、电动(D)或无(X)，不能为{stage.ChineseName}");
        if (fuel == FuelType.None && stage.IsCombustion)
            return new(NoFuelCombustion, $"燃料类型为无(Y)，排放阶段不能为{stage.ChineseName}");
        return null;
    }

    /// <summary>Whether <see cref="Check"/> accepts the pair.</summary>
    public static bool IsConsistent(RegisterKind kind, EmissionStage stage, FuelType fuel) => Check(kind, stage, fuel) is null;
}
