using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Gate.Tests;

public sealed class VehicleTypeTests
{
    private const string CodeChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Property(MaxTest = 500)]
    public Property Well_formed_codes_parse_exactly_when_their_family_is_listed() => Prop.ForAll(
        (from letter in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray())
         from n in Gen.Choose(1, 2)
         from rest in Gen.ArrayOf(Gen.Elements(CodeChars.ToCharArray()), n)
         select letter + new string(rest)).ToArbitrary(),
        code =>
        {
            var ok = VehicleType.TryParse(code, out var type, out var reason);
            Assert.Equal("BGHKMNQTXZ".Contains(code[0], StringComparison.Ordinal), ok);
            if (ok)
            {
                Assert.Equal(code, type.Code);
                Assert.Equal(type, VehicleType.Parse(type.Code.ToLowerInvariant()));
            }
            else
            {
                Assert.Contains("family", reason, StringComparison.Ordinal);
            }
        });

    [Theory]
    [InlineData("H11", true, "重型普通货车")]
    [InlineData("h17", true, "重型自卸货车")]
    [InlineData("Ｈ１９", true, "重型仓栅式货车")]
    [InlineData("Q11", true, "重型半挂牵引车")]
    [InlineData("Q21", false, "中型半挂牵引车")]
    [InlineData("H21", false, "中型普通货车")]
    [InlineData("H35", false, "轻型货车")]
    [InlineData("B11", false, "重型半挂车")]
    [InlineData("K33", false, "小型客车")]
    [InlineData("N11", false, "三轮汽车")]
    [InlineData("X99", false, "其他")]
    public void Examples(string text, bool heavy, string chineseName)
    {
        var type = VehicleType.Parse(text);
        Assert.Equal(heavy, type.IsHeavyGoodsVehicle);
        Assert.Equal(chineseName, type.ChineseName);
        Assert.Equal(type.Code, type.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("H")]
    [InlineData("H1234")]
    [InlineData("1H1")]
    [InlineData("J11")]
    [InlineData("H1-")]
    [InlineData("重型")]
    public void Rejected(string? text)
    {
        Assert.False(VehicleType.TryParse(text, out _, out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Default_is_empty_not_null()
    {
        Assert.Equal("", default(VehicleType).Code);
        Assert.False(default(VehicleType).IsHeavyGoodsVehicle);
        Assert.Equal("", default(VehicleType).ChineseName);
    }
}
