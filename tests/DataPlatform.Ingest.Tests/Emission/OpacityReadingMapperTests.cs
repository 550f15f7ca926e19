using System.Text;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Emission;
using DataPlatform.Ingest.Devices;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests.Emission;

/// <summary>The smoke-opacity push: readings shaped like a meter gateway's, every invalid field refused with its
/// code, and any byte sequence a reading or a rejection — never an exception.</summary>
public sealed class OpacityReadingMapperTests
{
    private static readonly DeviceRegistration Meter =
        new("om-G01", DeviceKind.OpacityMeter, "E1302001", "G01", "L1", null, "t", "", 100);

    private const string Valid = """
        {"readingId":"om01-20261128-000123","plateNo":"冀B12345","plateColor":"yellow",
         "measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":43.6,"absorptionCoefficient":1.332,"method":"free-acceleration"}
        """;

    private static OpacityPushResult Map(string json) => OpacityReadingMapper.Map(Encoding.UTF8.GetBytes(json), Meter, Fixtures.Now);

    [Fact]
    public void A_meter_reading_maps_to_the_device_s_enterprise_gate_and_lane()
    {
        var reading = Map(Valid).Reading!;
        Assert.Equal(("om01-20261128-000123", "om-G01", "E1302001", "G01", "L1"), (reading.ReadingId, reading.DeviceId, reading.EnterpriseId, reading.GateId, reading.LaneId));
        Assert.Equal(("冀B12345", "yellow", "free-acceleration"), (reading.PlateNo, reading.PlateColor, reading.Method));
        Assert.Equal((43.6m, 1.332m), (reading.OpacityPercent, reading.AbsorptionCoefficient));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 30, ChinaTime.Offset), reading.MeasuredAt);
        Assert.Equal(reading, OpacityReading.FromJson(reading.ToJson()));
        Assert.Equal("E1302001/om-G01", reading.Key);
    }

    [Fact]
    public void One_measure_is_enough_and_zone_less_times_are_china_time()
    {
        var reading = Map("""{"readingId":"r1","plateNo":"冀b 12345","measuredAt":"2026-11-28 10:15:30","absorptionCoefficient":0.35}""").Reading!;
        Assert.Equal(("冀B12345", "unknown", "unknown"), (reading.PlateNo, reading.PlateColor, reading.Method));
        Assert.Null(reading.OpacityPercent);
        Assert.Equal(TimeSpan.FromHours(8), reading.MeasuredAt.Offset);
        Assert.Equal(10, reading.MeasuredAt.Hour);
    }

    [Theory]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00"}""", RejectionCodes.MissingField)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":130}""", RejectionCodes.InvalidField)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","absorptionCoefficient":-0.1}""", RejectionCodes.InvalidField)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":"40"}""", RejectionCodes.InvalidField)]
    [InlineData("""{"readingId":"r1","plateNo":"京I12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":40}""", RejectionCodes.InvalidPlate)]
    [InlineData("""{"readingId":"r1","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":40}""", RejectionCodes.MissingField)]
    [InlineData("""{"readingId":"r 1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":40}""", RejectionCodes.InvalidField)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"28/11/2026","opacityPercent":40}""", RejectionCodes.InvalidTime)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-12-05T10:15:30+08:00","opacityPercent":40}""", RejectionCodes.InvalidTime)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","plateColor":"purple","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":40}""", RejectionCodes.UnknownCode)]
    [InlineData("""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":40,"method":"guess"}""", RejectionCodes.UnknownCode)]
    [InlineData("""{"readingId":"r1","readingId":"r2","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":40}""", RejectionCodes.DuplicateField)]
    [InlineData("""[1,2]""", RejectionCodes.BadJson)]
    [InlineData("""{"readingId":"r1" """, RejectionCodes.BadJson)]
    [InlineData("""{} {}""", RejectionCodes.BadJson)]
    public void Invalid_readings_are_refused_with_their_code(string json, string code)
    {
        var result = Map(json);
        Assert.Null(result.Reading);
        Assert.Equal(code, result.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Reason));
    }

    [Property(MaxTest = 500)]
    public bool Any_byte_sequence_is_a_reading_or_a_rejection(byte[] bytes)
    {
        var result = OpacityReadingMapper.Map(bytes ?? [], Meter, Fixtures.Now);
        return (result.Reading is null) != (result.Rejection is null);
    }

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"readingId\"", "\"plateNo\"", "\"measuredAt\"", "\"opacityPercent\"", "\"absorptionCoefficient\"",
        "\"method\"", "\"plateColor\"", "\"冀B12345\"", "\"r1\"", "\"2026-11-28T10:15:30+08:00\"", "40.5", "-1", "1e400", "null", "true",
        "\"\\ud800\"", "\"lug-down\"", "0.000000000000000000000000001", "99999999999999999999999999999",
    ];

    /// <summary>Near-JSON built from the format's own tokens reaches far deeper than random bytes.</summary>
    [Property(MaxTest = 500)]
    public Property Json_like_noise_is_a_reading_or_a_rejection() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments)).ToArbitrary(), parts =>
        {
            var result = Map(string.Concat(parts));
            return (result.Reading is null) != (result.Rejection is null);
        });

    [Property(MaxTest = 200)]
    public Property Valid_measures_round_trip_through_the_topic_contract() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(0, 20_000).ToArbitrary(), (n, k) =>
        {
            var opacity = n / 1000m;
            var coefficient = k / 1000m;
            var json = $$"""{"readingId":"r1","plateNo":"冀B12345","measuredAt":"2026-11-28T10:15:30+08:00","opacityPercent":{{opacity}},"absorptionCoefficient":{{coefficient}}}""";
            var reading = Map(json).Reading;
            return reading is not null && reading.OpacityPercent == opacity && reading.AbsorptionCoefficient == coefficient
                   && OpacityReading.FromJson(reading.ToJson()) == reading;
        });
}
