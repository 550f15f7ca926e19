using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using FsCheck.Xunit;

namespace DataPlatform.Devices.Tests;

public sealed class WeighbridgeSoftwareLineTests
{
    [Fact]
    public void Json_line_with_every_field()
    {
        var r = WeighbridgeSoftwareLine.Parse(
            """{"weighbridgeId":"WB01","time":"2026-11-28T02:15:30Z","weightKg":49820,"kind":"gross","ticketNo":"T20261128-0012","cargoName":"铁矿石","plateNo":"冀b·12345"}""",
            "E1302001");
        Assert.True(r.IsSuccess, r.ToString());
        var e = r.Value;
        Assert.Equal(49820m, e.WeightKg);
        Assert.Equal(WeighingKind.Gross, e.Kind);
        Assert.Equal("T20261128-0012", e.TicketNo);
        Assert.Equal("铁矿石", e.CargoName);
        Assert.Equal("冀B12345", e.Plate?.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 30, ChinaTime.Offset), e.Time);
        Assert.Equal(ChinaTime.Offset, e.Time.Offset);
        Assert.Equal(WeighingEventId.Create("E1302001", "WB01", e.Time, 49820m, "T20261128-0012"), e.EventId);
    }

    [Fact]
    public void Csv_line_and_json_line_describe_the_same_weighing()
    {
        var csv = WeighbridgeSoftwareLine.Parse("WB01,2026-11-28T10:15:30+08:00,14300.5,皮重,T1,,", "E1");
        var json = WeighbridgeSoftwareLine.Parse("""{"weighbridgeId":"WB01","time":"2026-11-28T10:15:30+08:00","weightKg":"14300.5","kind":"tare","ticketNo":"T1"}""", "E1");
        Assert.True(csv.IsSuccess, csv.ToString());
        Assert.Equal(json.Value, csv.Value);
        Assert.Equal(WeighingKind.Tare, csv.Value.Kind);
        Assert.Null(csv.Value.CargoName);
    }

    [Theory]
    [InlineData("", RejectionCodes.MissingField)]
    [InlineData("{\"weighbridgeId\":\"WB01\",\"time\":\"2026-11-28T10:15:30+08:00\"}", RejectionCodes.MissingField)]
    [InlineData("WB01,2026-11-28 10:15:30,100", RejectionCodes.InvalidTime)]
    [InlineData("WB01,2026-11-28T10:15:30+08:00,-5", RejectionCodes.InvalidField)]
    [InlineData("WB01,2026-11-28T10:15:30+08:00,100,heavy", RejectionCodes.UnknownCode)]
    [InlineData("WB01,2026-11-28T10:15:30+08:00,100,gross,T1,煤,冀I12345", RejectionCodes.InvalidPlate)]
    [InlineData("WB01,2026-11-28T10:15:30+08:00,100,gross,T1,煤,冀B12345,extra", RejectionCodes.InvalidField)]
    [InlineData("{\"weighbridgeId\":\"A\",\"weighbridgeId\":\"B\"}", RejectionCodes.DuplicateField)]
    [InlineData("{\"weighbridgeId\":", RejectionCodes.BadJson)]
    [InlineData("{\"weighbridgeId\":[1]}", RejectionCodes.InvalidField)]
    public void Bad_lines_are_rejected_with_a_code(string line, string code) =>
        Assert.Equal(code, WeighbridgeSoftwareLine.Parse(line, "E1").Rejection?.Code);

    [Property(MaxTest = 1000)]
    public void Arbitrary_text_never_throws(string? line)
    {
        var r = WeighbridgeSoftwareLine.Parse(line, "E1");
        Assert.True(r.Value is null ^ r.Rejection is null);
    }
}
