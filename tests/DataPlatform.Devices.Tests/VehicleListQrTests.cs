using System.Text.Json;
using DataPlatform.Devices.VehicleList;
using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Devices.Tests;

public sealed class VehicleListQrTests
{
    private const string VinAlphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    // A VIN with a correct check digit; LZZ1ELSE… is a heavy truck VIN printed on a public certificate sample.
    private static string WithCheckDigit(string sixteen)
    {
        var s = sixteen[..8] + "0" + sixteen[8..];
        return s[..8] + Vin.ComputeCheckDigit(s) + s[9..];
    }

    private static readonly string SampleVin = WithCheckDigit("LZZ1ELSELW644557");

    // The layout of the list-printing software of manufacturers, keyed by the disclosure system's field names.
    [Fact]
    public void Vecc_json_layout()
    {
        var qr = $$"""
            {"en_xxgkbh":"CN GA G6 20 00 0123 000001","en_clsbdh":"{{SampleVin}}","en_clxh":"ZZ3257N414GE1",
             "en_fdjxh":"WP10H400E50","en_zzsmc":"潍柴动力股份有限公司","en_pfjd":"GB17691-2018国Ⅵ","en_rlzl":"柴油",
             "en_scqy":"中国重汽集团济南卡车股份有限公司","en_scrq":"2021-01-01","en_jcbz1":"ignored"}
            """;
        var r = VehicleListQr.Parse(qr);
        Assert.True(r.IsSuccess, r.ToString());
        var v = r.Value;
        Assert.Equal("CNGAG620000123000001", v.DisclosureNumber);
        Assert.Equal(SampleVin, v.Vin.Value);
        Assert.Equal("ZZ3257N414GE1", v.Model);
        Assert.Equal("WP10H400E50", v.EngineModel);
        Assert.Equal("潍柴动力股份有限公司", v.EngineMaker);
        Assert.Equal(EmissionStage.Guo6, v.EmissionStage);
        Assert.Equal(FuelType.Diesel, v.Fuel);
        Assert.Equal(new DateOnly(2021, 1, 1), v.ProductionDate);
        Assert.Equal("vecc-json", v.Layout);
    }

    [Fact]
    public void Labelled_text_layout_with_full_width_colons()
    {
        var qr = $"信息公开编号：CNGAG62000012300000 1\n车辆识别代号：{SampleVin.ToLowerInvariant()}\n车辆型号：ZZ3257N414GE1\n" +
                 "发动机型号：WP10H400E50\n发动机生产厂：潍柴动力股份有限公司\n排放阶段：国六b\n燃料类型：天然气\n生产日期：2023年5月8日\nGB 17691-2018检测机构：xx";
        var r = VehicleListQr.Parse(qr);
        Assert.True(r.IsSuccess, r.ToString());
        Assert.Equal(EmissionStage.Guo6b, r.Value.EmissionStage);
        Assert.Equal(FuelType.NaturalGas, r.Value.Fuel);
        Assert.Equal(new DateOnly(2023, 5, 8), r.Value.ProductionDate);
        Assert.Equal(SampleVin, r.Value.Vin.Value);
        Assert.Null(r.Value.Manufacturer);
        Assert.Equal("labelled-text", r.Value.Layout);
    }

    [Theory]
    [InlineData("http://www.vecc.org.cn/xxgk?id=123")]
    [InlineData("LZZ1ELSE0LW644557")]
    [InlineData("{\"vin\":\"LZZ1ELSE0LW644557\"}")]
    [InlineData("车辆型号：ZZ3257N414GE1")]
    public void Unknown_layouts_are_rejected_not_guessed(string qr) =>
        Assert.Equal(DeviceRejectionCodes.UnknownLayout, VehicleListQr.Parse(qr).Rejection?.Code);

    [Theory]
    [InlineData("{\"en_xxgkbh\":\"CNGAG62000012300000\",\"en_clsbdh\":\"LZZ1ELSE1LW644557\"}", RejectionCodes.InvalidField)] // wrong check digit
    [InlineData("{\"en_xxgkbh\":\"CNGAG62000012300000\"}", RejectionCodes.MissingField)]
    [InlineData("{\"en_xxgkbh\":\"CNGAG62000012300000\",\"en_clsbdh\":\"VIN\",\"en_vin\":\"VIN\"}", RejectionCodes.DuplicateField)]
    [InlineData("{\"en_xxgkbh\":\"CNGAG62000012300000\",\"en_clsbdh\":7}", RejectionCodes.InvalidField)]
    [InlineData("{\"en_xxgkbh\": ", RejectionCodes.BadJson)]
    [InlineData("信息公开编号：CN#1\n车辆识别代号：LZZ1ELSE0LW644557", RejectionCodes.InvalidField)]
    public void Broken_lists_in_a_known_layout_are_rejected(string qr, string code) =>
        Assert.Equal(code, VehicleListQr.Parse(qr).Rejection?.Code);

    [Fact]
    public void Unknown_or_ambiguous_stage_and_fuel_are_rejected()
    {
        string Qr(string stage, string fuel) => $"信息公开编号：CNGAG62000012300000\n车辆识别代号：{SampleVin}\n排放阶段：{stage}\n燃料类型：{fuel}";
        Assert.True(VehicleListQr.Parse(Qr("国五", "柴油")).IsSuccess);
        Assert.Equal(RejectionCodes.UnknownCode, VehicleListQr.Parse(Qr("国五/国六", "柴油")).Rejection?.Code);
        Assert.Equal(RejectionCodes.UnknownCode, VehicleListQr.Parse(Qr("欧六", "柴油")).Rejection?.Code);
        Assert.Equal(RejectionCodes.UnknownCode, VehicleListQr.Parse(Qr("国五", "煤气")).Rejection?.Code);
    }

    // ---- properties ----

    public sealed record Sample(string DisclosureNumber, string Vin, string Model, string EngineModel, string StageText,
        EmissionStage Stage, string FuelText, FuelType Fuel, DateOnly Produced);

    private static Gen<string> Chars(string alphabet, int n) => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n).Select(c => new string(c));

    private static readonly (string Text, EmissionStage Stage)[] Stages =
    [
        ("国五", EmissionStage.Guo5), ("国Ⅴ", EmissionStage.Guo5), ("国六", EmissionStage.Guo6), ("国VI", EmissionStage.Guo6),
        ("国六a", EmissionStage.Guo6a), ("GB17691-2018国Ⅵb", EmissionStage.Guo6b), ("国4", EmissionStage.Guo4), ("电动", EmissionStage.Electric),
    ];

    private static readonly (string Text, FuelType Fuel)[] Fuels =
    [
        ("柴油", FuelType.Diesel), ("B", FuelType.Diesel), ("天然气", FuelType.NaturalGas), ("LNG", FuelType.NaturalGas),
        ("汽油", FuelType.Gasoline), ("纯电动", FuelType.Electric), ("氢", FuelType.Hydrogen),
    ];

    private static readonly Gen<Sample> Samples =
        from number in Chars("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 20)
        from vin in Chars(VinAlphabet, 16).Select(WithCheckDigit)
        from model in Chars("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 12)
        from engine in Chars("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 10)
        from stage in Gen.Elements(Stages)
        from fuel in Gen.Elements(Fuels)
        from day in Gen.Choose(0, 9000)
        select new Sample(number, vin, model, engine, stage.Text, stage.Stage, fuel.Text, fuel.Fuel,
            new DateOnly(2000, 1, 1).AddDays(day));

    private static string AsJson(Sample s) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["en_xxgkbh"] = s.DisclosureNumber, ["en_clsbdh"] = s.Vin, ["en_clxh"] = s.Model, ["en_fdjxh"] = s.EngineModel,
        ["en_pfjd"] = s.StageText, ["en_rlzl"] = s.FuelText, ["en_scrq"] = s.Produced.ToString("yyyy-MM-dd"),
    });

    private static string AsText(Sample s) =>
        $"信息公开编号：{s.DisclosureNumber}；车辆识别代号：{s.Vin}；车辆型号：{s.Model}；发动机型号：{s.EngineModel}；" +
        $"排放阶段：{s.StageText}；燃料种类：{s.FuelText}；生产日期：{s.Produced:yyyyMMdd}";

    [Property(MaxTest = 500)]
    public Property Generated_lists_parse_in_both_layouts() => Prop.ForAll(Samples.ToArbitrary(), s =>
    {
        foreach (var qr in new[] { AsJson(s), AsText(s) })
        {
            var r = VehicleListQr.Parse(qr);
            Assert.True(r.IsSuccess, r.ToString());
            Assert.Equal(s.DisclosureNumber, r.Value.DisclosureNumber);
            Assert.Equal(s.Vin, r.Value.Vin.Value);
            Assert.Equal(s.Model, r.Value.Model);
            Assert.Equal(s.EngineModel, r.Value.EngineModel);
            Assert.Equal(s.Stage, r.Value.EmissionStage);
            Assert.Equal(s.Fuel, r.Value.Fuel);
            Assert.Equal(s.Produced, r.Value.ProductionDate);
        }
    });

    [Property(MaxTest = 1000)]
    public void Arbitrary_strings_never_throw(string? text)
    {
        var r = VehicleListQr.Parse(text);
        Assert.True(r.Value is null ^ r.Rejection is null);
    }

    [Property(MaxTest = 300)]
    public Property Mutated_lists_never_throw() => Prop.ForAll(
        Samples.SelectMany(s => Gen.Elements(AsJson(s), AsText(s)))
            .SelectMany(qr => Gen.ListOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 0xFFFF))).Select(m => (qr, m)))
            .ToArbitrary(),
        t =>
        {
            var chars = t.qr.ToCharArray();
            foreach (var (position, value) in t.m)
                chars[position % chars.Length] = (char)value;
            var r = VehicleListQr.Parse(new string(chars));
            Assert.True(r.Value is null ^ r.Rejection is null);
        });
}
