using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Adapters.Dahua;
using DataPlatform.Ingest.Pictures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests;

public sealed class DahuaMapperTests
{
    private static AdapterResult Map(byte[] body) => DahuaTollgateMapper.Map(body, Dahua, Now, MaxPicture);

    [Fact]
    public void A_tollgate_push_becomes_a_gate_event_with_its_inline_pictures()
    {
        var normal = Jpeg(7, 3000);
        var cutout = Jpeg(8);
        var result = Map(Utf8(DahuaJson(plate: "冀B12345", color: "Yellow", confidence: "90", normal: normal, cutout: cutout)));

        var e = Assert.IsType<GateEvent>(result.Event);
        Assert.Equal("冀B12345", e.Plate.Text);
        Assert.Equal(PlateColor.Yellow, e.PlateColor);
        Assert.Equal(0.9, e.Confidence);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 30, 123, ChinaTime.Offset), e.PassTime);
        Assert.Equal(("G02", "L2", Direction.Out), (e.GateId, e.LaneId, e.Direction));
        Assert.Equal("H1", e.VehicleType?.Code);
        // Plate close-up first, then the scene: the order the ledger shows them in.
        Assert.Equal([PictureRef.Of(cutout), PictureRef.Of(normal)], e.Pictures);
        Assert.Equal(2, result.Pictures.Count);
    }

    [Fact]
    public void The_body_names_the_device() =>
        Assert.Equal("cam-dh-02", DahuaTollgateMapper.ClaimedDeviceId(Utf8(DahuaJson())));

    [Fact]
    public void Keep_alive_is_a_heartbeat()
    {
        var result = Map(Utf8("""{"Active":true,"DeviceID":"cam-dh-02"}"""));
        Assert.Equal("KeepAlive", result.Heartbeat);
        Assert.Null(result.Event);
    }

    [Fact]
    public void A_base64_picture_that_is_not_an_image_is_refused()
    {
        var result = Map(Utf8(DahuaJson(normal: Utf8("GIF89a not accepted"))));
        Assert.Equal(IngestRejectionCodes.InvalidPicture, result.Rejection?.Code);
    }

    [Fact]
    public void Raw_255_scores_need_the_device_scale()
    {
        Assert.Equal(RejectionCodes.InvalidField, Map(Utf8(DahuaJson(confidence: "204"))).Rejection?.Code);
        var scaled = DahuaTollgateMapper.Map(Utf8(DahuaJson(confidence: "204")), Dahua with { ConfidenceScale = 255 }, Now, MaxPicture);
        Assert.Equal(0.8, scaled.Event?.Confidence);
    }

    [Fact]
    public void Without_a_configured_direction_the_camera_direction_decides()
    {
        var result = DahuaTollgateMapper.Map(Utf8(DahuaJson()), Dahua with { Direction = null }, Now, MaxPicture);
        Assert.Equal(Direction.In, result.Event?.Direction); // "Obverse": moving towards the camera
    }

    [Fact]
    public void A_pass_time_far_in_the_future_is_a_broken_clock() =>
        Assert.Equal(RejectionCodes.InvalidTime, Map(Utf8(DahuaJson(time: "2027-06-01 00:00:00.000"))).Rejection?.Code);

    [Property(MaxTest = 300)]
    public Property Any_bytes_map_to_exactly_one_outcome_and_never_throw() =>
        Prop.ForAll(Generators.Garbage(Utf8(DahuaJson(normal: Jpeg(1)))).ToArbitrary(), bytes =>
        {
            var result = Map(bytes);
            _ = DahuaTollgateMapper.ClaimedDeviceId(bytes);
            var outcomes = (result.Event is null ? 0 : 1) + (result.Rejection is null ? 0 : 1) + (result.Heartbeat is null ? 0 : 1);
            return outcomes == 1 && (result.Rejection is null || result.Rejection.Reason.Length > 0);
        });

    [Property(MaxTest = 300)]
    public Property Every_valid_read_maps_to_its_event() =>
        Prop.ForAll(Generators.Reads.ToArbitrary(), read =>
        {
            var time = read.Time.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
            var result = Map(Utf8(DahuaJson(read.Plate, read.DahuaColor, time, read.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture), normal: Jpeg(read.Lane))));
            return result.Event is { } e
                && e.Plate.Text == read.Normalised
                && e.PlateColor == read.Expected
                && e.PassTime == read.Time
                && e.Confidence == Math.Round(read.Confidence / 100.0, 4)
                && e.Pictures.Count == 1;
        });
}
