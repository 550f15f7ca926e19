using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Gate.Tests;

public sealed class CodeTableTests
{
    private static Property EveryValue<T>(IReadOnlyList<T> all, Action<T> check) =>
        Prop.ForAll(Gen.Elements(all.ToArray()).ToArbitrary(), check);

    [Property]
    public Property Directions_round_trip() => EveryValue(Direction.All, d =>
    {
        Assert.True(Direction.TryParse(d.Code, out var byCode, out _));
        Assert.Equal(d, byCode);
        Assert.True(Direction.TryParse(d.ChineseName, out var byName, out _));
        Assert.Equal(d, byName);
        Assert.Equal(((int)d).ToString(), d.Code);
    });

    [Property]
    public Property Plate_colours_round_trip() => EveryValue(PlateColor.All, c =>
    {
        Assert.True(PlateColor.TryParse(c.Code, out var byCode, out _));
        Assert.Equal(c, byCode);
        Assert.True(PlateColor.TryParse(c.ChineseName, out var byName, out _));
        Assert.Equal(c, byName);
        Assert.True(PlateColor.TryParse(c.Code.ToUpperInvariant(), out var byUpper, out _));
        Assert.Equal(c, byUpper);
        Assert.Equal(c.Code, c.ToWireName());
        Assert.True(PlateColor.TryFromNumber(c.ToNumber(PlateColorConvention.Jtt697), PlateColorConvention.Jtt697, out var jtt));
        Assert.Equal(c, jtt);
        // The alternate convention is lossy; its numbers still read back to themselves.
        var alt = c.ToNumber(PlateColorConvention.Alternate);
        Assert.True(PlateColor.TryFromNumber(alt, PlateColorConvention.Alternate, out var fromAlt));
        Assert.Equal(alt, fromAlt.ToNumber(PlateColorConvention.Alternate));
    });

    [Property]
    public Property Emission_stages_round_trip() => EveryValue(EmissionStage.All, s =>
    {
        Assert.True(EmissionStage.TryParse(s.InternalCode, out var byInternal, out _));
        Assert.Equal(s, byInternal);
        Assert.True(EmissionStage.TryParse(s.Code, out var byCode, out _));
        Assert.Equal(s.UploadStage, byCode);
        Assert.True(EmissionStage.TryParse(s.ChineseName, out var byName, out _));
        Assert.Equal(s, byName);
    });

    [Property]
    public Property Fuel_types_round_trip() => EveryValue(FuelType.All, f =>
    {
        Assert.True(FuelType.TryParse(f.Code, out var byCode, out _));
        Assert.Equal(f, byCode);
        Assert.True(FuelType.TryParse(f.ChineseName, out var byName, out _));
        Assert.Equal(f, byName);
        Assert.Equal(((char)f).ToString(), f.Code);
    });

    [Property]
    public Property Use_natures_round_trip() => EveryValue(UseNature.All, u =>
    {
        Assert.True(UseNature.TryParse(u.Code, out var byCode, out _));
        Assert.Equal(u, byCode);
        Assert.True(UseNature.TryParse(u.ChineseName, out var byName, out _));
        Assert.Equal(u, byName);
        Assert.Equal(((char)u).ToString(), u.Code);
    });

    [Property]
    public Property Machinery_kinds_round_trip() => EveryValue(NonRoadMachineryKind.All, k =>
    {
        Assert.True(NonRoadMachineryKind.TryParse(k.Code, out var byCode, out _));
        Assert.Equal(k, byCode);
        Assert.True(NonRoadMachineryKind.TryParse(k.ChineseName, out var byName, out _));
        Assert.Equal(k, byName);
    });

    [Property]
    public Property Alert_levels_round_trip() => EveryValue(AlertLevel.All, a =>
    {
        Assert.True(AlertLevel.TryParse(a.Code, out var byCode, out _));
        Assert.Equal(a, byCode);
        Assert.True(AlertLevel.TryParse(a.ChineseName, out var byName, out _));
        Assert.Equal(a, byName);
        Assert.True(AlertLevel.TryParse(a.ResponseLevelName, out var byResponse, out _));
        Assert.Equal(a, byResponse);
        Assert.True(AlertLevel.TryFromResponseLevel(a.ResponseLevel, out var byNumber));
        Assert.Equal(a, byNumber);
    });

    [Property]
    public Property Named_vehicle_types_round_trip() => EveryValue(VehicleType.Named, v =>
    {
        Assert.True(VehicleType.TryParse(v.Code, out var byCode, out _));
        Assert.Equal(v, byCode);
        Assert.True(VehicleType.TryParse(v.ChineseName, out var byName, out _));
        Assert.Equal(v, byName);
    });

    [Fact]
    public void Tables_have_the_sizes_of_the_spec()
    {
        Assert.Equal(2, Direction.All.Count);
        Assert.Equal(8, PlateColor.All.Count);
        Assert.Equal(11, EmissionStage.All.Count);
        Assert.Equal(17, FuelType.All.Count);
        Assert.Equal(20, UseNature.All.Count);
        Assert.Equal(12, NonRoadMachineryKind.All.Count);
        Assert.Equal(4, AlertLevel.All.Count);
        Assert.Equal(22, VehicleType.Named.Count);
        Assert.Equal(Enum.GetValues<PlateColor>().Length, PlateColor.All.Count);
        Assert.Equal(Enum.GetValues<FuelType>().Length, FuelType.All.Count);
        Assert.Equal(Enum.GetValues<UseNature>().Length, UseNature.All.Count);
        Assert.Equal(Enum.GetValues<EmissionStage>().Length, EmissionStage.All.Count);
    }

    [Theory]
    [InlineData("蓝", PlateColor.Blue)]
    [InlineData("黄色", PlateColor.Yellow)]
    [InlineData("渐变绿", PlateColor.Green)]
    [InlineData("黄绿双拼", PlateColor.YellowGreen)]
    [InlineData("蓝白渐变", PlateColor.BlueWhite)]
    [InlineData("未确定", PlateColor.Unknown)]
    [InlineData(" Yellow ", PlateColor.Yellow)]
    [InlineData("ｂｌｕｅ", PlateColor.Blue)]
    public void Plate_colour_names(string text, PlateColor expected)
    {
        Assert.True(PlateColor.TryParse(text, out var color, out var reason), reason);
        Assert.Equal(expected, color);
    }

    [Theory]
    [InlineData(PlateColorConvention.Jtt697, 0, PlateColor.Blue)]
    [InlineData(PlateColorConvention.Jtt697, 2, PlateColor.Black)]
    [InlineData(PlateColorConvention.Jtt697, 5, PlateColor.YellowGreen)]
    [InlineData(PlateColorConvention.Jtt697, 9, PlateColor.Unknown)]
    [InlineData(PlateColorConvention.Alternate, 1, PlateColor.Blue)]
    [InlineData(PlateColorConvention.Alternate, 3, PlateColor.White)]
    [InlineData(PlateColorConvention.Alternate, 4, PlateColor.Black)]
    [InlineData(PlateColorConvention.Alternate, 5, PlateColor.Green)]
    [InlineData(PlateColorConvention.Alternate, -1, PlateColor.Unknown)]
    public void Plate_colour_numbers(PlateColorConvention convention, int number, PlateColor expected)
    {
        Assert.True(PlateColor.TryFromNumber(number, convention, out var color));
        Assert.Equal(expected, color);
    }

    [Theory]
    [InlineData(PlateColorConvention.Jtt697, 7)]
    [InlineData(PlateColorConvention.Jtt697, -1)]
    [InlineData(PlateColorConvention.Alternate, 0)]
    [InlineData(PlateColorConvention.Alternate, 6)]
    public void Unknown_plate_colour_numbers(PlateColorConvention convention, int number) =>
        Assert.False(PlateColor.TryFromNumber(number, convention, out _));

    [Fact]
    public void Unknown_codes_are_rejected_with_a_reason_naming_the_table()
    {
        Assert.False(FuelType.TryParse("W", out _, out var fuelReason));
        Assert.Contains("fuel type", fuelReason, StringComparison.Ordinal);
        Assert.False(PlateColor.TryParse("purple", out _, out var colorReason));
        Assert.Contains("purple", colorReason, StringComparison.Ordinal);
        Assert.False(Direction.TryParse("3", out _, out var dirReason));
        Assert.NotEmpty(dirReason);
        Assert.False(EmissionStage.TryParse(null, out _, out var emptyReason));
        Assert.Contains("empty", emptyReason, StringComparison.Ordinal);
        Assert.False(UseNature.TryParse("T", out _, out _));
        Assert.False(PlateColor.TryParse("1", out _, out _));
    }

    [Fact]
    public void Emission_stage_specifics()
    {
        Assert.Equal("6", EmissionStage.Guo6b.Code);
        Assert.Equal("6b", EmissionStage.Guo6b.InternalCode);
        Assert.Equal("国六b", EmissionStage.Guo6b.ChineseName);
        Assert.True(EmissionStage.TryParse("国Ⅴ", out var five, out _));
        Assert.Equal(EmissionStage.Guo5, five);
        Assert.True(EmissionStage.TryParse("国六A", out var sixA, out _));
        Assert.Equal(EmissionStage.Guo6a, sixA);
        Assert.True(EmissionStage.TryParse("d", out var electric, out _));
        Assert.Equal(EmissionStage.Electric, electric);
        Assert.True(EmissionStage.Guo6a.IsAtLeast(EmissionStage.Guo5));
        Assert.True(EmissionStage.Guo6b.IsAtLeast(EmissionStage.Guo6));
        Assert.False(EmissionStage.Guo6.IsAtLeast(EmissionStage.Guo6b));
        Assert.False(EmissionStage.Guo4.IsAtLeast(EmissionStage.Guo5));
        Assert.True(EmissionStage.Electric.IsAtLeast(EmissionStage.Guo6b));
        Assert.False(EmissionStage.None.IsAtLeast(EmissionStage.Guo0));
        Assert.False(EmissionStage.Guo5.IsAtLeast(EmissionStage.Electric));
        Assert.False(EmissionStage.Electric.IsCombustion);
    }

    [Fact]
    public void Fuel_and_use_specifics()
    {
        Assert.True(FuelType.TryParse("Ｋ", out var k, out _));
        Assert.Equal(FuelType.DieselLpg, k);
        Assert.True(k.IsLocalExtension);
        Assert.False(FuelType.Diesel.IsLocalExtension);
        Assert.Equal("柴天双燃料", FuelType.DieselNaturalGas.ChineseName);
        Assert.True(UseNature.DangerousGoods.IsHazmat);
        Assert.Equal("R", UseNature.DangerousGoods.Code);
        Assert.False(UseNature.Freight.IsHazmat);
    }

    [Fact]
    public void Alert_levels_map_to_response_levels()
    {
        Assert.Equal(3, AlertLevel.Yellow.ResponseLevel);
        Assert.Equal(2, AlertLevel.Orange.ResponseLevel);
        Assert.Equal(1, AlertLevel.Red.ResponseLevel);
        Assert.Equal("II级", AlertLevel.Orange.ResponseLevelName);
        Assert.True(AlertLevel.TryParse("Ⅲ级", out var yellow, out _));
        Assert.Equal(AlertLevel.Yellow, yellow);
        Assert.True(AlertLevel.Red > AlertLevel.Orange);
        Assert.False(AlertLevel.TryFromResponseLevel(0, out _));
    }

    [Fact]
    public void Undefined_enum_values_have_no_code() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((FuelType)'W').Code);
}
