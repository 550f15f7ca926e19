using System.Text;
using DataPlatform.Gate;

namespace DataPlatform.Gate.Tests;

public sealed class GateEventCodecTests
{
    private static readonly DateTimeOffset Now = GateArbitraries.Now;

    private const string Example =
        """{"eventId":"cam01-000123","enterpriseId":"E1302001","gateId":"G01","laneId":"L1","direction":1,"passTime":"2026-11-28T10:15:30+08:00","plateNo":"冀B12345","plateColor":"yellow","confidence":0.97,"vehicleType":"H11","deviceId":"cam-01","pictures":["sha256:ab"]}""";

    private static GateEventParseResult Parse(string json, int maxBytes = GateEventCodec.DefaultMaxBytes) =>
        GateEventCodec.Parse(Encoding.UTF8.GetBytes(json), Now, maxBytes);

    private static string With(string field, string jsonValue)
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(Example)!.AsObject();
        doc[field] = System.Text.Json.Nodes.JsonNode.Parse(jsonValue);
        return doc.ToJsonString();
    }

    private static string Without(string field)
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(Example)!.AsObject();
        doc.Remove(field);
        return doc.ToJsonString();
    }

    private static Rejection Rejected(GateEventParseResult result)
    {
        Assert.False(result.IsSuccess, "expected a rejection");
        return result.Rejection;
    }

    [Fact]
    public void The_documented_example_parses()
    {
        var result = Parse(Example);
        Assert.True(result.IsSuccess, result.ToString());
        var e = result.Event;
        Assert.Equal("cam01-000123", e.EventId);
        Assert.Equal("E1302001", e.EnterpriseId);
        Assert.Equal("G01", e.GateId);
        Assert.Equal("L1", e.LaneId);
        Assert.Equal(Direction.In, e.Direction);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 30, TimeSpan.FromHours(8)), e.PassTime);
        Assert.Equal("冀B12345", e.Plate.Text);
        Assert.Equal(PlateKind.Ordinary, e.Plate.Kind);
        Assert.Equal(PlateColor.Yellow, e.PlateColor);
        Assert.Equal(0.97, e.Confidence);
        Assert.Equal("H11", e.VehicleType?.Code);
        Assert.True(e.VehicleType?.IsHeavyGoodsVehicle);
        Assert.Equal("cam-01", e.DeviceId);
        Assert.Equal(["sha256:ab"], e.Pictures);
        Assert.Equal("E1302001/G01/L1", e.PartitionKey);
    }

    [Fact]
    public void Serialize_writes_the_canonical_form()
    {
        var e = Parse(With("plateNo", "\"冀ｂ·１２３４５\"").Replace("\"yellow\"", "\"黄\"", StringComparison.Ordinal)).Event!;
        var json = Encoding.UTF8.GetString(GateEventCodec.Serialize(e));
        Assert.Equal(Example, json);
    }

    [Fact]
    public void Optional_fields_may_be_absent_null_or_empty()
    {
        var json = """{"eventId":"e1","enterpriseId":"E1","gateId":"G1","laneId":"L1","direction":"2","passTime":"2026-11-28T02:15:30Z","plateNo":"粤B12345D","plateColor":"黄绿双拼","confidence":null,"vehicleType":"","deviceId":null}""";
        var result = Parse(json);
        Assert.True(result.IsSuccess, result.ToString());
        var e = result.Event;
        Assert.Equal(Direction.Out, e.Direction);
        Assert.Null(e.Confidence);
        Assert.Null(e.VehicleType);
        Assert.Null(e.DeviceId);
        Assert.Empty(e.Pictures);
        Assert.Equal(PlateColor.YellowGreen, e.PlateColor);
        Assert.Equal(PlateKind.LargeNewEnergy, e.Plate.Kind);
        Assert.Equal(TimeSpan.FromHours(8), e.PassTime.Offset);
        Assert.Equal(10, e.PassTime.Hour);
        var written = Encoding.UTF8.GetString(GateEventCodec.Serialize(e));
        Assert.DoesNotContain("confidence", written, StringComparison.Ordinal);
        Assert.Contains("\"passTime\":\"2026-11-28T10:15:30+08:00\"", written, StringComparison.Ordinal);
        Assert.Contains("\"pictures\":[]", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_seconds_and_other_offsets_survive_as_the_same_instant()
    {
        var result = Parse(With("passTime", "\"2026-11-28T03:15:30.1234567+01:00\""));
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 15, 30, TimeSpan.Zero).AddTicks(1234567), result.Event.PassTime);
        Assert.Equal(TimeSpan.FromHours(8), result.Event.PassTime.Offset);
    }

    [Theory]
    [InlineData("eventId", RejectionCodes.MissingField)]
    [InlineData("enterpriseId", RejectionCodes.MissingField)]
    [InlineData("gateId", RejectionCodes.MissingField)]
    [InlineData("laneId", RejectionCodes.MissingField)]
    [InlineData("direction", RejectionCodes.MissingField)]
    [InlineData("passTime", RejectionCodes.MissingField)]
    [InlineData("plateNo", RejectionCodes.MissingField)]
    [InlineData("plateColor", RejectionCodes.MissingField)]
    public void Missing_required_fields(string field, string code)
    {
        var rejection = Rejected(Parse(Without(field)));
        Assert.Equal(code, rejection.Code);
        Assert.Contains($"'{field}'", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(code, Rejected(Parse(With(field, "null"))).Code);
    }

    [Theory]
    [InlineData("plateNo", "\"京I12345\"", RejectionCodes.InvalidPlate)]
    [InlineData("plateNo", "\"AB\"", RejectionCodes.InvalidPlate)]
    [InlineData("plateNo", "12345", RejectionCodes.InvalidPlate)]
    [InlineData("plateColor", "\"purple\"", RejectionCodes.UnknownCode)]
    [InlineData("plateColor", "1", RejectionCodes.InvalidField)]
    [InlineData("direction", "3", RejectionCodes.UnknownCode)]
    [InlineData("direction", "1.5", RejectionCodes.UnknownCode)]
    [InlineData("direction", "true", RejectionCodes.InvalidField)]
    [InlineData("vehicleType", "\"J11\"", RejectionCodes.UnknownCode)]
    [InlineData("vehicleType", "11", RejectionCodes.InvalidField)]
    [InlineData("passTime", "\"2026-11-28T10:15:30\"", RejectionCodes.InvalidTime)]
    [InlineData("passTime", "\"20261128 101530\"", RejectionCodes.InvalidTime)]
    [InlineData("passTime", "\"2026-11-30T10:15:31+08:00\"", RejectionCodes.InvalidTime)]
    [InlineData("passTime", "\"1999-12-31T23:59:59+08:00\"", RejectionCodes.InvalidTime)]
    [InlineData("passTime", "1764296130", RejectionCodes.InvalidTime)]
    [InlineData("confidence", "1.5", RejectionCodes.InvalidField)]
    [InlineData("confidence", "-0.1", RejectionCodes.InvalidField)]
    [InlineData("confidence", "\"0.9\"", RejectionCodes.InvalidField)]
    [InlineData("confidence", "1e999", RejectionCodes.InvalidField)]
    [InlineData("eventId", "\"has space\"", RejectionCodes.InvalidField)]
    [InlineData("eventId", "\"\"", RejectionCodes.InvalidField)]
    [InlineData("eventId", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", RejectionCodes.InvalidField)]
    [InlineData("enterpriseId", "\"E1/E2\"", RejectionCodes.InvalidField)]
    [InlineData("gateId", "\" G1\"", RejectionCodes.InvalidField)]
    [InlineData("laneId", "\"123456789012345678901234567890123\"", RejectionCodes.InvalidField)]
    [InlineData("laneId", "7", RejectionCodes.InvalidField)]
    [InlineData("deviceId", "\"cam\\n01\"", RejectionCodes.InvalidField)]
    [InlineData("pictures", "\"sha256:ab\"", RejectionCodes.InvalidField)]
    [InlineData("pictures", "[1]", RejectionCodes.InvalidField)]
    [InlineData("pictures", "[\"\"]", RejectionCodes.InvalidField)]
    public void Invalid_fields_are_rejected_naming_the_field(string field, string jsonValue, string code)
    {
        var rejection = Rejected(Parse(With(field, jsonValue)));
        Assert.Equal(code, rejection.Code);
        Assert.Contains(field, rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pass_time_just_under_a_day_ahead_is_accepted() =>
        Assert.True(Parse(With("passTime", "\"2026-11-29T10:15:29+08:00\"")).IsSuccess);

    [Fact]
    public void Chinese_colour_names_and_full_width_plates_are_accepted()
    {
        var result = Parse(With("plateNo", "\"沪ＡＤ·１２３４５\"").Replace("\"yellow\"", "\"渐变绿\"", StringComparison.Ordinal));
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("沪AD12345", result.Event.Plate.Text);
        Assert.Equal(PlateKind.SmallNewEnergy, result.Event.Plate.Kind);
        Assert.Equal(PlateColor.Green, result.Event.PlateColor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("{}x")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{/*c*/}")]
    [InlineData("{\"eventId\":\"\\ud800\"}")]
    public void Malformed_json_is_bad_json(string text) =>
        Assert.Equal(RejectionCodes.BadJson, Rejected(Parse(text)).Code);

    [Fact]
    public void Invalid_utf8_is_bad_json()
    {
        var bytes = Encoding.UTF8.GetBytes(Example);
        bytes[Example.IndexOf('冀', StringComparison.Ordinal) + 1] = 0xFF;
        var rejection = Rejected(GateEventCodec.Parse(bytes, Now));
        Assert.Equal(RejectionCodes.BadJson, rejection.Code);
        Assert.Contains("UTF-8", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_bad_json()
    {
        var deep = With("extra", new string('[', 50) + new string(']', 50));
        Assert.Equal(RejectionCodes.BadJson, Rejected(Parse(deep)).Code);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_a_bom_is_skipped()
    {
        Assert.True(Parse(With("futureField", "{\"x\":[1,2]}")).IsSuccess);
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Example)).ToArray();
        Assert.True(GateEventCodec.Parse(withBom, Now).IsSuccess);
    }

    [Fact]
    public void Duplicate_fields_are_refused()
    {
        var json = Example.Replace("\"gateId\":\"G01\"", "\"gateId\":\"G01\",\"gateId\":\"G02\"", StringComparison.Ordinal);
        var rejection = Rejected(Parse(json));
        Assert.Equal(RejectionCodes.DuplicateField, rejection.Code);
        Assert.Contains("gateId", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_input_is_too_large()
    {
        var bytes = Encoding.UTF8.GetBytes(Example);
        Assert.Equal(RejectionCodes.TooLarge, Rejected(GateEventCodec.Parse(bytes, Now, bytes.Length - 1)).Code);
        Assert.True(GateEventCodec.Parse(bytes, Now, bytes.Length).IsSuccess);
        var padded = Example[..^1] + ",\"pad\":\"" + new string('x', GateEventCodec.DefaultMaxBytes) + "\"}";
        Assert.Equal(RejectionCodes.TooLarge, Rejected(Parse(padded)).Code);
    }

    [Fact]
    public void Serialize_refuses_events_it_could_not_read_back()
    {
        var e = Parse(Example).Event!;
        Assert.Throws<ArgumentException>(() => GateEventCodec.Serialize(e with { EventId = "has space" }));
        Assert.Throws<ArgumentException>(() => GateEventCodec.Serialize(e with { Direction = (Direction)0 }));
        Assert.Throws<ArgumentException>(() => GateEventCodec.Serialize(e with { Confidence = 2 }));
        Assert.Throws<ArgumentException>(() => GateEventCodec.Serialize(e with { LaneId = "a/b" }));
        Assert.Throws<ArgumentException>(() => GateEventCodec.Serialize(e with { VehicleType = default(VehicleType) }));
        Assert.Throws<ArgumentException>(() => GateEventCodec.Serialize(e with { Pictures = [""] }));
    }

    [Fact]
    public void Events_compare_pictures_by_content()
    {
        var e = Parse(Example).Event!;
        Assert.Equal(e, e with { Pictures = new List<string> { "sha256:ab" } });
        Assert.Equal(e.GetHashCode(), (e with { Pictures = new List<string> { "sha256:ab" } }).GetHashCode());
        Assert.NotEqual(e, e with { Pictures = [] });
        Assert.NotEqual(e, e with { Plate = PlateNumber.Parse("冀B12346") });
    }
}
