using DataPlatform.Gate;
using FsCheck.Xunit;

namespace DataPlatform.Gate.Tests;

public sealed class PlateNormalizerTests
{
    [Property(MaxTest = 500)]
    public void Normalisation_is_idempotent(string? raw)
    {
        var once = PlateNormalizer.Normalize(raw);
        Assert.Equal(once, PlateNormalizer.Normalize(once));
    }

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 500)]
    public void Normalisation_is_idempotent_on_noisy_plates(NoisyPlate noisy)
    {
        var once = PlateNormalizer.Normalize(noisy.Raw);
        Assert.Equal(once, PlateNormalizer.Normalize(once));
    }

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 500)]
    public void Noise_normalises_back_to_the_clean_plate(NoisyPlate noisy) =>
        Assert.Equal(noisy.Plate.Text, PlateNormalizer.Normalize(noisy.Raw));

    [Theory]
    [InlineData("冀B·12345", "冀B12345")]
    [InlineData(" 京 a 1２３４５ ", "京A12345")]
    [InlineData("京Ａ１２３４５", "京A12345")]
    [InlineData("沪ａｄ-12345", "沪AD12345")]
    [InlineData("粤B.12345D", "粤B12345D")]
    [InlineData("冀B•1234挂", "冀B1234挂")]
    [InlineData("京A\u00B71234\u3000应急", "京A1234应急")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Examples(string? raw, string expected) => Assert.Equal(expected, PlateNormalizer.Normalize(raw));

    [Fact]
    public void Does_not_touch_I_and_O_so_the_parser_can_reject_them() =>
        Assert.Equal("京AI2345", PlateNormalizer.Normalize("京ai2345"));
}
