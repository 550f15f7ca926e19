using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

public sealed class VehicleTests
{
    [Fact]
    public void A_consistent_record_has_no_findings() =>
        Assert.Empty(VehicleConsistency.Check(Guo4Truck));

    [Fact]
    public void Wrong_vin_check_digit_names_the_expected_digit()
    {
        var good = MakeVin("LFWSRXRJ0B1A12345");
        var wrongDigit = good[8] == '0' ? '1' : '0';
        var bad = string.Concat(good.AsSpan(0, 8), wrongDigit.ToString(), good.AsSpan(9));
        var finding = Assert.Single(VehicleConsistency.CheckVin(bad));
        Assert.Equal(FindingCodes.VinCheckDigit, finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains($"应为“{good[8]}”", finding.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LFWSRXRJ0B1A1234", FindingCodes.VinMalformed)]
    [InlineData("LFWSRXRJ0B1A1234O", FindingCodes.VinMalformed)]
    [InlineData("", FindingCodes.VinMissing)]
    public void Malformed_or_missing_vin(string vin, string code) =>
        Assert.Equal(code, Assert.Single(VehicleConsistency.CheckVin(vin)).Code);

    [Theory]
    [InlineData("冀B1234", PlateColor.Yellow, FindingCodes.PlateGrammar)]
    [InlineData("冀BO2345", PlateColor.Yellow, FindingCodes.PlateGrammar)]
    [InlineData("冀B12345D", PlateColor.Blue, FindingCodes.PlateColorKind)]
    [InlineData("冀B12345", PlateColor.Green, FindingCodes.PlateColorKind)]
    public void Plate_grammar_and_colour(string plate, PlateColor color, string code) =>
        Assert.Equal(code, Assert.Single(VehicleConsistency.CheckPlate(plate, color)).Code);

    [Theory]
    [InlineData("冀B12345", PlateColor.Yellow)]
    [InlineData("冀B12345D", PlateColor.YellowGreen)]
    [InlineData("冀AD12345", PlateColor.Green)]
    [InlineData("冀B12345", PlateColor.Unknown)]
    public void Well_formed_plates_in_matching_colours_pass(string plate, PlateColor color) =>
        Assert.Empty(VehicleConsistency.CheckPlate(plate, color));

    [Theory]
    [InlineData(EmissionStage.Electric, FuelType.Diesel, FindingCodes.ElectricStageFuel, FindingSeverity.Error)]
    [InlineData(EmissionStage.Electric, FuelType.Hybrid, FindingCodes.ElectricStageFuel, FindingSeverity.Error)]
    [InlineData(EmissionStage.Guo5, FuelType.Electric, FindingCodes.ElectricFuelCombustionStage, FindingSeverity.Error)]
    [InlineData(EmissionStage.Guo6b, FuelType.Hydrogen, FindingCodes.ElectricFuelCombustionStage, FindingSeverity.Error)]
    [InlineData(EmissionStage.None, FuelType.Electric, FindingCodes.ElectricFuelNoStage, FindingSeverity.Warning)]
    [InlineData(EmissionStage.Guo4, FuelType.None, FindingCodes.NoFuelCombustionStage, FindingSeverity.Warning)]
    public void Inconsistent_stage_and_fuel(EmissionStage stage, FuelType fuel, string code, FindingSeverity severity)
    {
        var finding = Assert.Single(VehicleConsistency.CheckStageFuel(stage, fuel));
        Assert.Equal(code, finding.Code);
        Assert.Equal(severity, finding.Severity);
    }

    [Theory]
    [InlineData(EmissionStage.Electric, FuelType.Electric)]
    [InlineData(EmissionStage.Electric, FuelType.Hydrogen)]
    [InlineData(EmissionStage.Guo6, FuelType.NaturalGas)]
    [InlineData(EmissionStage.Guo4, FuelType.Diesel)]
    public void Consistent_stage_and_fuel(EmissionStage stage, FuelType fuel) =>
        Assert.Empty(VehicleConsistency.CheckStageFuel(stage, fuel));

    [Fact]
    public void New_energy_plate_with_diesel_fuel_is_a_warning_and_hybrid_is_fine()
    {
        var finding = Assert.Single(VehicleConsistency.CheckNewEnergyPlate(P("冀B12345D"), FuelType.Diesel));
        Assert.Equal((FindingCodes.NevPlateFuel, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Empty(VehicleConsistency.CheckNewEnergyPlate(P("冀B12345D"), FuelType.Hybrid));
        Assert.Equal(FindingCodes.ElectricOrdinaryPlate,
            Assert.Single(VehicleConsistency.CheckNewEnergyPlate(P("冀B12345"), FuelType.Electric)).Code);
    }

    [Fact]
    public void Road_vehicle_without_stage_is_an_error_but_machinery_may_have_none()
    {
        var truck = Guo4Truck with { Stage = EmissionStage.None };
        Assert.Contains(VehicleConsistency.Check(truck), f => f.Code == FindingCodes.RoadVehicleWithoutStage);
        var machine = truck with { MachineryKind = NonRoadMachineryKind.Excavator };
        Assert.DoesNotContain(VehicleConsistency.Check(machine), f => f.Code == FindingCodes.RoadVehicleWithoutStage);
    }

    [Fact]
    public void Registry_finds_by_plate_and_colour_and_falls_back_on_unknown_colour_only_when_unambiguous()
    {
        Assert.Same(Guo4Truck, Registry.Find(P("冀B12345"), PlateColor.Yellow));
        Assert.Null(Registry.Find(P("冀B12345"), PlateColor.Blue));
        Assert.Same(Guo4Truck, Registry.Find(P("冀B12345"), PlateColor.Unknown));
        var twoColours = Registry.With(Truck("冀B12345", EmissionStage.Guo6, PlateColor.Blue));
        Assert.Null(twoColours.Find(P("冀B12345"), PlateColor.Unknown));
        Assert.Equal(2, twoColours.FindByPlate("冀B12345").Count);
        Assert.Equal(Registry.Count + 1, twoColours.Count);
    }

    [Fact]
    public void Registry_is_immutable_and_replaces_on_with()
    {
        var upgraded = Registry.With(Guo4Truck with { Stage = EmissionStage.Guo6 });
        Assert.Equal(EmissionStage.Guo6, upgraded.Find(Guo4Truck.Key)!.Stage);
        Assert.Equal(EmissionStage.Guo4, Registry.Find(Guo4Truck.Key)!.Stage);
        Assert.Equal(Registry.Count, upgraded.Count);
        var without = Registry.Without(Guo4Truck.Key);
        Assert.Null(without.Find(Guo4Truck.Key));
        Assert.Empty(without.FindConfusable("冀B12345"));
    }

    [Fact]
    public void Registry_rejects_duplicates_and_indexes_epc_and_look_alikes()
    {
        Assert.Throws<ArgumentException>(() => VehicleRegistry.Create([Guo4Truck, Guo4Truck with { Stage = EmissionStage.Guo5 }]));
        var tagged = VehicleRegistry.Create([Guo4Truck with { Epc = "E2801160600002096F8C1234" }, Guo6Truck]);
        Assert.Equal(Guo4Truck.Key, tagged.FindByEpc("E2801160600002096F8C1234")!.Key);
        Assert.Null(tagged.FindByEpc("nope"));
        Assert.Equal("冀B12345", Assert.Single(tagged.FindConfusable("冀B1234S")).Plate.Text);
        Assert.Empty(tagged.FindConfusable("冀B12346"));
    }
}
