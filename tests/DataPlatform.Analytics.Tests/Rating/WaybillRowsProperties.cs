using System.Globalization;
using DataPlatform.Analytics.Waybills;
using DataPlatform.Rating.Waybills;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.Rating;

/// <summary>Checking a waybill file: all or nothing, every bad row named, content ids independent of spelling.</summary>
public sealed class WaybillRowsProperties
{
    private const string Header = "date,mode,direction,material,tonnes,reference";

    internal static Gen<string> GoodLine { get; } =
        from day in Gen.Choose(0, 700)
        from mode in Gen.Elements("rail", "water", "pipeline", "conveyor", "铁路", "水路", "管道", "管廊", "皮带", "RAIL")
        from direction in Gen.Elements("in", "out", "进", "出")
        from material in Gen.Elements("铁矿石", "煤", "熟料", "\"coal, washed\"")
        from kg in Gen.Choose(1, 50_000_000)
        from reference in Gen.Choose(1, 99999)
        select string.Join(',', new DateOnly(2025, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), mode, direction,
            material, (kg / 1000m).ToString(CultureInfo.InvariantCulture), $"WB-{reference}");

    internal static Gen<string> BadLine { get; } = Gen.Elements(
        "2026-13-01,rail,in,煤,10,R1", "2026-10-01,truck,in,煤,10,R1", "2026-10-01,rail,sideways,煤,10,R1",
        "2026-10-01,rail,in,,10,R1", "2026-10-01,rail,in,煤,-5,R1", "2026-10-01,rail,in,煤,0,R1",
        "2026-10-01,rail,in,煤,1.2345,R1", "2026-10-01,rail,in,煤,ten,R1", "2026-10-01,rail,in,煤,10,");

    [Property(MaxTest = 500)]
    public Property A_file_with_any_bad_row_is_refused_whole_with_every_bad_row_listed() =>
        Prop.ForAll(Gen.ListOf(GoodLine).ToArbitrary(), Gen.ListOf(BadLine).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (good, bad, seed) =>
        {
            var random = new Random(seed);
            var lines = good.Concat(bad).OrderBy(_ => random.Next()).ToList();
            var result = WaybillRows.Check(WaybillFile.Csv(Header + "\n" + string.Join("\n", lines)));
            if (bad.Count > 0)
            {
                Assert.Empty(result.Rows);
                var badLines = lines.Select((l, i) => (l, Line: i + 2)).Where(x => bad.Contains(x.l)).Select(x => x.Line).ToList();
                Assert.Equal(badLines, result.Errors.Select(e => e.Line).ToList());
            }
            else if (good.Count > 0)
            {
                Assert.Empty(result.Errors);
                Assert.Equal(good.Count, result.Rows.Count);
            }
        });

    [Property(MaxTest = 300)]
    public Property The_content_id_ignores_order_spelling_bom_and_trailing_zeros() =>
        Prop.ForAll(Gen.NonEmptyListOf(GoodLine).ToArbitrary(), lines =>
        {
            var first = WaybillRows.Check(WaybillFile.Csv(Header + "\n" + string.Join("\n", lines))).Rows;
            var respelt = lines.AsEnumerable().Reverse().Select(l => l.Replace(",铁路,", ",rail,").Replace(",进,", ",IN,").Replace(",管廊,", ",皮带,"));
            var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", respelt) + "\r\n")).ToArray();
            var second = WaybillRows.Check(WaybillFile.Read("again.csv", bytes)).Rows;
            Assert.Equal(first.Select(r => WaybillRows.Canonical("E1", r)).Order(), second.Select(r => WaybillRows.Canonical("E1", r)).Order());
        });

    [Fact]
    public void Chinese_codes_map_to_the_stored_ones()
    {
        var rows = WaybillRows.Check(WaybillFile.Csv($"{Header}\n2026-10-01,管廊,出,熟料,1.500,B1\n2026-10-01,水路,进,煤,2,S1")).Rows;
        Assert.Equal([("conveyor", "out", 1.5m), ("water", "in", 2m)], rows.Select(r => (r.Mode, r.Direction, r.Tonnes)).ToArray());
    }

    [Fact]
    public void A_header_without_a_column_is_refused_naming_it()
    {
        var result = WaybillRows.Check(WaybillFile.Csv("date,mode,material,tonnes,reference\n2026-10-01,rail,煤,1,R"));
        Assert.Contains("direction", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_the_reason()
    {
        var gbk = new byte[] { 0x64, 0x61, 0x74, 0x65, 0x0a, 0xc3, 0x28 };
        Assert.Contains("UTF-8", Assert.Throws<FormatException>(() => WaybillFile.Read("x.csv", gbk)).Message, StringComparison.Ordinal);
    }
}
