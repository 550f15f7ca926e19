using DataPlatform.Gate;
using FsCheck.Xunit;

namespace DataPlatform.Gate.Tests;

public sealed class PlateParserTests
{
    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 1000)]
    public void Valid_plates_parse_with_their_kind_and_round_trip(PlateSample sample)
    {
        Assert.True(PlateParser.TryParse(sample.Text, out var plate, out var reason), reason);
        Assert.Equal(sample.Text, plate.Text);
        Assert.Equal(sample.Kind, plate.Kind);
        Assert.Equal(sample.Province, plate.Province);
        Assert.Equal(sample.Suffix, plate.Suffix);
        Assert.Equal("", reason);
        Assert.True(PlateParser.TryParse(plate.Text, out var again, out _));
        Assert.Equal(plate, again);
    }

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 1000)]
    public void Noisy_plates_parse_to_the_same_plate(NoisyPlate noisy)
    {
        Assert.True(PlateParser.TryParse(noisy.Raw, out var plate, out var reason), reason);
        Assert.Equal(PlateNumber.Parse(noisy.Plate.Text), plate);
    }

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 1000)]
    public void Corrupted_plates_are_rejected_with_a_reason(CorruptPlate corrupt)
    {
        Assert.False(PlateParser.TryParse(corrupt.Raw, out var plate, out var reason));
        Assert.Null(plate);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Property(MaxTest = 500)]
    public void Arbitrary_text_never_throws_and_a_failure_always_has_a_reason(string? raw)
    {
        var ok = PlateParser.TryParse(raw, out var plate, out var reason);
        Assert.Equal(ok, plate is not null);
        Assert.Equal(ok, reason.Length == 0);
    }

    [Theory]
    [InlineData("京A12345", PlateKind.Ordinary, "京", "")]
    [InlineData("冀B12345", PlateKind.Ordinary, "冀", "")]
    [InlineData("冀B·1234挂", PlateKind.Trailer, "冀", "挂")]
    [InlineData("沪AD12345", PlateKind.SmallNewEnergy, "沪", "")]
    [InlineData("沪AFA1234", PlateKind.SmallNewEnergy, "沪", "")]
    [InlineData("粤B12345D", PlateKind.LargeNewEnergy, "粤", "")]
    [InlineData("粤B12345F", PlateKind.LargeNewEnergy, "粤", "")]
    [InlineData("京A1234学", PlateKind.Special, "京", "学")]
    [InlineData("京A1234警", PlateKind.Special, "京", "警")]
    [InlineData("粤Z1234港", PlateKind.Special, "粤", "港")]
    [InlineData("粤Z1234澳", PlateKind.Special, "粤", "澳")]
    [InlineData("沪A1234领", PlateKind.Special, "沪", "领")]
    [InlineData("使014578", PlateKind.Special, "", "使")]
    [InlineData("京A1234应急", PlateKind.Emergency, "京", "应急")]
    [InlineData("ＡＢ", null, null, null)]
    public void Examples(string raw, PlateKind? kind, string? province, string? suffix)
    {
        var ok = PlateParser.TryParse(raw, out var plate, out var reason);
        Assert.Equal(kind is not null, ok);
        if (kind is null)
        {
            Assert.NotEmpty(reason);
            return;
        }
        Assert.Equal(kind, plate!.Kind);
        Assert.Equal(province, plate.Province);
        Assert.Equal(suffix, plate.Suffix);
    }

    [Theory]
    [InlineData("京I12345", "I and O")]
    [InlineData("京A1O345", "I and O")]
    [InlineData("台A12345", "province")]
    [InlineData("京A1234", "characters")]
    [InlineData("京A12D345", "new-energy")]
    [InlineData("京A12345挂", "new-energy")]
    [InlineData("京AD1234D", "new-energy")]
    [InlineData("京A1234急", "last character")]
    [InlineData("使01457", "6 digits")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public void Rejections_say_why(string raw, string reasonContains)
    {
        Assert.False(PlateParser.TryParse(raw, out _, out var reason));
        Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_width_and_lower_case_camera_output_is_accepted()
    {
        var plate = PlateNumber.Parse("冀ｂ·１２３４５");
        Assert.Equal("冀B12345", plate.Text);
        Assert.Equal("冀B12345", plate.ToString());
        Assert.False(plate.IsNewEnergy);
        Assert.True(PlateNumber.Parse("沪AD12345").IsNewEnergy);
    }

    [Fact]
    public void Parse_throws_format_exception_with_the_reason()
    {
        var ex = Assert.Throws<FormatException>(() => PlateNumber.Parse("京I12345"));
        Assert.Contains("I and O", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_31_distinct_provinces()
    {
        Assert.Equal(31, PlateProvinces.All.Distinct().Count());
        Assert.True(PlateProvinces.IsProvince('冀'));
        Assert.False(PlateProvinces.IsProvince('台'));
    }
}
