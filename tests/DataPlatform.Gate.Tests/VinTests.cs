using DataPlatform.Gate;
using FsCheck.Xunit;

namespace DataPlatform.Gate.Tests;

public sealed class VinTests
{
    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 1000)]
    public void Generated_valid_vins_pass(VinSample sample)
    {
        Assert.True(Vin.TryParse(sample.Value, out var vin, out var reason), reason);
        Assert.Equal(sample.Value, vin.Value);
        Assert.Equal(VinOracle.CheckDigit(sample.Value), Vin.ComputeCheckDigit(sample.Value));
    }

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 2000)]
    public void A_single_character_change_is_rejected_unless_it_keeps_the_checksum(VinEdit edit)
    {
        // Letters sharing a transliteration value with the original (A/J/1, B/K/S/2 …) keep the sum mod 11,
        // so the oracle, not "always reject", is the expectation.
        var expected = VinOracle.IsValid(edit.Edited);
        var ok = Vin.TryParse(edit.Edited, out _, out var reason);
        Assert.Equal(expected, ok);
        Assert.Equal(ok, reason.Length == 0);
    }

    [Fact]
    public void Changes_that_keep_the_checksum_are_possible_and_accepted()
    {
        var original = VinOracle.WithCheckDigit("LFWADRJF011002346");
        Assert.True(Vin.TryParse(original, out _, out _));
        // A (1) and J (1) share a value, so swapping position 4 keeps the check digit.
        var twin = string.Concat(original.AsSpan(0, 3), "J", original.AsSpan(4));
        Assert.NotEqual(original, twin);
        Assert.True(Vin.TryParse(twin, out _, out var reason), reason);
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042788")] // the classic published example with check digit X
    [InlineData("11111111111111111")]
    [InlineData(" 1m8gdm9axkp042788 ")]
    public void Known_valid_vins(string text)
    {
        Assert.True(Vin.TryParse(text, out var vin, out var reason), reason);
        Assert.Equal(text.Trim().ToUpperInvariant(), vin.Value);
    }

    [Theory]
    [InlineData("1M8GDM9A1KP042788", "check digit")]
    [InlineData("1M8GDM9AXKP04278", "characters")]
    [InlineData("1M8GDM9AXKP0427880", "characters")]
    [InlineData("1M8GDM9AXKO042788", "I, O and Q")]
    [InlineData("IM8GDM9AXKP042788", "I, O and Q")]
    [InlineData("1M8GDM9AXKQ042788", "I, O and Q")]
    [InlineData("1M8GDM9AXK-042788", "not a digit or letter")]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    public void Invalid_vins_say_why(string? text, string reasonContains)
    {
        Assert.False(Vin.TryParse(text, out var vin, out var reason));
        Assert.Null(vin);
        Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Transliteration_rejects_I_O_Q()
    {
        Assert.False(Vin.TryTransliterate('I', out _));
        Assert.False(Vin.TryTransliterate('O', out _));
        Assert.False(Vin.TryTransliterate('Q', out _));
        Assert.True(Vin.TryTransliterate('Z', out var z));
        Assert.Equal(9, z);
        Assert.Throws<FormatException>(() => Vin.Parse("bad"));
    }
}
