using DataPlatform.Gate;

namespace DataPlatform.Compliance.Vehicles;

/// <summary>Pure checks of a registry record against the code tables: a wrong VIN, plate or stage/fuel pair would
/// otherwise reach the regulator (and the gate would judge the vehicle by a stage that cannot be true).</summary>
public static class VehicleConsistency
{
    /// <summary>Every check on one record; empty when the record is consistent.</summary>
    public static IReadOnlyList<VehicleFinding> Check(RegisteredVehicle vehicle)
    {
        var findings = new List<VehicleFinding>();
        findings.AddRange(CheckVin(vehicle.Vin));
        findings.AddRange(CheckPlateColor(vehicle.Plate, vehicle.PlateColor));
        findings.AddRange(CheckStageFuel(vehicle.Stage, vehicle.Fuel));
        findings.AddRange(CheckNewEnergyPlate(vehicle.Plate, vehicle.Fuel));
        if (!vehicle.IsNonRoad && vehicle.Stage == EmissionStage.None)
            findings.Add(new(FindingSeverity.Error, FindingCodes.RoadVehicleWithoutStage,
                "道路车辆的排放阶段不能为“无”(X)，X 仅用于非道路移动机械"));
        return findings;
    }

    /// <summary>Missing (warning: HJ 1321 wants it, but a guard-booth registration may not have it yet),
    /// malformed, or a wrong ISO 3779 check digit.</summary>
    public static IReadOnlyList<VehicleFinding> CheckVin(string? vin)
    {
        if (string.IsNullOrWhiteSpace(vin))
            return [new(FindingSeverity.Warning, FindingCodes.VinMissing, "未登记车辆识别代号(VIN)")];
        if (Vin.TryParse(vin, out _, out var reason))
            return [];
        var text = vin.Trim().ToUpperInvariant();
        if (text.Length == Vin.Length && text.All(c => Vin.TryTransliterate(c, out _)))
            return [new(FindingSeverity.Error, FindingCodes.VinCheckDigit,
                $"车辆识别代号 {text} 第9位校验位为“{text[8]}”，应为“{Vin.ComputeCheckDigit(text)}”")];
        return [new(FindingSeverity.Error, FindingCodes.VinMalformed, $"车辆识别代号格式错误：{reason}")];
    }

    /// <summary>Plate grammar of raw text (spec §2.1), then the colour against the plate kind.</summary>
    public static IReadOnlyList<VehicleFinding> CheckPlate(string? rawPlate, PlateColor color) =>
        PlateParser.TryParse(rawPlate, out var plate, out var reason)
            ? CheckPlateColor(plate, color)
            : [new(FindingSeverity.Error, FindingCodes.PlateGrammar, $"号牌不符合编码规则：{reason}")];

    /// <summary>New-energy plates are green (small) or yellow-green (large); ordinary serials are not green.
    /// 未确定 says nothing either way.</summary>
    public static IReadOnlyList<VehicleFinding> CheckPlateColor(PlateNumber plate, PlateColor color)
    {
        if (color == PlateColor.Unknown)
            return [];
        var expected = plate.Kind switch
        {
            PlateKind.SmallNewEnergy => PlateColor.Green,
            PlateKind.LargeNewEnergy => PlateColor.YellowGreen,
            _ => (PlateColor?)null,
        };
        if (expected is { } nev && color != nev)
            return [new(FindingSeverity.Warning, FindingCodes.PlateColorKind,
                $"新能源号牌 {plate.Text} 的号牌颜色为{color.ChineseName}，应为{nev.ChineseName}")];
        if (expected is null && color is PlateColor.Green or PlateColor.YellowGreen)
            return [new(FindingSeverity.Warning, FindingCodes.PlateColorKind,
                $"号牌 {plate.Text} 不是新能源号牌，但号牌颜色为{color.ChineseName}")];
        return [];
    }

    /// <summary>Electric stage (D) ⇔ fuel C 电 or P 氢. A combustion stage with fuel C/P, or an electric stage
    /// with any burning fuel, cannot both be true; which one is wrong needs a human.</summary>
    public static IReadOnlyList<VehicleFinding> CheckStageFuel(EmissionStage stage, FuelType fuel)
    {
        var zeroEmissionFuel = fuel is FuelType.Electric or FuelType.Hydrogen;
        if (stage == EmissionStage.Electric && !zeroEmissionFuel)
            return [new(FindingSeverity.Error, FindingCodes.ElectricStageFuel,
                $"排放阶段为电动(D)，但燃料类型为{fuel.ChineseName}({fuel.Code})，应为电(C)或氢(P)")];
        if (zeroEmissionFuel && stage.IsCombustion)
            return [new(FindingSeverity.Error, FindingCodes.ElectricFuelCombustionStage,
                $"燃料类型为{fuel.ChineseName}({fuel.Code})，但排放阶段为{stage.ChineseName}，应为电动(D)")];
        if (zeroEmissionFuel && stage == EmissionStage.None)
            return [new(FindingSeverity.Warning, FindingCodes.ElectricFuelNoStage,
                $"燃料类型为{fuel.ChineseName}({fuel.Code})，排放阶段宜登记为电动(D)而非无(X)")];
        if (fuel == FuelType.None && stage.IsCombustion)
            return [new(FindingSeverity.Warning, FindingCodes.NoFuelCombustionStage,
                $"燃料类型为无(Y)，但排放阶段为{stage.ChineseName}")];
        return [];
    }

    /// <summary>Green plates are issued to battery, fuel-cell and plug-in hybrid vehicles; anything else on one
    /// is suspicious. An electric vehicle on an ordinary plate is legal for older registrations, so only a warning.</summary>
    public static IReadOnlyList<VehicleFinding> CheckNewEnergyPlate(PlateNumber plate, FuelType fuel)
    {
        var newEnergyFuel = fuel is FuelType.Electric or FuelType.Hydrogen or FuelType.Hybrid;
        if (plate.IsNewEnergy && !newEnergyFuel)
            return [new(FindingSeverity.Warning, FindingCodes.NevPlateFuel,
                $"新能源号牌 {plate.Text}，但燃料类型为{fuel.ChineseName}({fuel.Code})")];
        if (!plate.IsNewEnergy && fuel is FuelType.Electric or FuelType.Hydrogen)
            return [new(FindingSeverity.Warning, FindingCodes.ElectricOrdinaryPlate,
                $"燃料类型为{fuel.ChineseName}({fuel.Code})，但号牌 {plate.Text} 不是新能源号牌")];
        return [];
    }
}
