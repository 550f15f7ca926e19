using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Adapters.Hikvision;
using DataPlatform.Ingest.Pictures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests;

public sealed class HikvisionMapperTests
{
    private static AdapterResult Map(byte[] body, string? contentType = "application/xml") =>
        HikvisionAnprMapper.Map(body, contentType, Hikvision, Now, MaxPicture);

    [Fact]
    public void An_xml_anpr_alert_becomes_a_gate_event_of_the_registered_lane()
    {
        var result = Map(Utf8(HikvisionXml(plate: "冀B·12345", color: "yellow", confidence: "97")));

        var e = Assert.IsType<GateEvent>(result.Event);
        Assert.Equal("冀B12345", e.Plate.Text);
        Assert.Equal(PlateColor.Yellow, e.PlateColor);
        Assert.Equal(0.97, e.Confidence);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 30, ChinaTime.Offset), e.PassTime);
        Assert.Equal(ChinaTime.Offset, e.PassTime.Offset);
        Assert.Equal(("E1302001", "G01", "L1", Direction.In), (e.EnterpriseId, e.GateId, e.LaneId, e.Direction));
        Assert.Equal("K1", e.VehicleType?.Code);
        Assert.Equal("cam-hik-01", e.DeviceId);
        Assert.StartsWith("cam-hik-01:20261128101530000:", e.EventId, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_form_maps_like_the_xml_form()
    {
        var fromXml = Map(Utf8(HikvisionXml())).Event;
        var fromJson = Map(Utf8(HikvisionJson()), "application/json").Event;
        Assert.NotNull(fromXml);
        Assert.Equal(fromXml, fromJson);
    }

    [Fact]
    public void A_multipart_push_stores_its_pictures_by_content_address()
    {
        var plate = Jpeg(1);
        var scene = Jpeg(2, 2000);
        var result = Map(HikvisionMultipart(HikvisionXml(), plate, scene), MultipartContentType);

        var e = Assert.IsType<GateEvent>(result.Event);
        Assert.Equal([PictureRef.Of(plate), PictureRef.Of(scene)], e.Pictures);
        Assert.Equal(["licensePlatePicture.jpg", "detectionPicture.jpg"], result.Pictures.Select(p => p.Role));
        Assert.Equal(scene, result.Pictures[1].Bytes);
    }

    [Fact]
    public void A_non_image_part_rejects_the_push_with_a_reason()
    {
        var result = Map(HikvisionMultipart(HikvisionXml(), Jpeg(1), Utf8("<html>not a picture</html>")), MultipartContentType);
        Assert.Null(result.Event);
        // The html part is taken for a document only if no earlier part was: the anpr.xml comes first.
        Assert.Equal(IngestRejectionCodes.InvalidPicture, result.Rejection?.Code);
        Assert.Contains("detectionPicture.jpg", result.Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_picture_is_refused()
    {
        var result = Map(HikvisionMultipart(HikvisionXml(), Jpeg(1, MaxPicture + 1)), MultipartContentType);
        Assert.Equal(RejectionCodes.TooLarge, result.Rejection?.Code);
    }

    [Fact]
    public void The_periodic_videoloss_alert_is_a_heartbeat_not_a_passage()
    {
        var result = Map(Utf8(HikvisionXml(eventType: "videoloss")));
        Assert.Null(result.Event);
        Assert.Null(result.Rejection);
        Assert.Equal("videoloss", result.Heartbeat);
    }

    [Theory]
    [InlineData("无车牌", RejectionCodes.InvalidPlate)]
    [InlineData("京I12345", RejectionCodes.InvalidPlate)]
    public void Unreadable_plates_are_rejected_for_manual_review(string plate, string code) =>
        Assert.Equal(code, Map(Utf8(HikvisionXml(plate: plate))).Rejection?.Code);

    [Fact]
    public void Purple_is_not_a_plate_colour() =>
        Assert.Equal(RejectionCodes.UnknownCode, Map(Utf8(HikvisionXml(color: "purple"))).Rejection?.Code);

    [Fact]
    public void A_camera_time_without_offset_is_china_time()
    {
        var e = Map(Utf8(HikvisionXml(dateTime: "2026-11-28T10:15:30"))).Event;
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 15, 30, TimeSpan.Zero), e?.PassTime);
    }

    [Fact]
    public void A_large_new_energy_plate_reported_green_is_yellow_green()
    {
        var e = Map(Utf8(HikvisionXml(plate: "冀B12345D", color: "green"))).Event;
        Assert.Equal(PlateColor.YellowGreen, e?.PlateColor);
    }

    [Fact]
    public void Re_sent_captures_get_the_same_event_id()
    {
        var first = Map(Utf8(HikvisionXml())).Event!;
        var again = Map(Utf8(HikvisionXml().Replace("<activePostCount>1<", "<activePostCount>2<", StringComparison.Ordinal))).Event!;
        Assert.Equal(first.EventId, again.EventId);
    }

    [Fact]
    public void An_xml_bomb_is_refused_not_expanded()
    {
        const string bomb = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><EventNotificationAlert><eventType>&b;</eventType></EventNotificationAlert>""";
        Assert.Equal(IngestRejectionCodes.BadPayload, Map(Utf8(bomb)).Rejection?.Code);
    }

    [Property(MaxTest = 300)]
    public Property Any_bytes_map_to_exactly_one_outcome_and_never_throw() =>
        Prop.ForAll(
            Generators.Garbage(HikvisionMultipart(HikvisionXml(), Jpeg(3))).ToArbitrary(),
            Gen.Elements<string?>("application/xml", "application/json", MultipartContentType, null, "multipart/form-data").ToArbitrary(),
            (bytes, contentType) =>
            {
                var result = Map(bytes, contentType);
                var outcomes = (result.Event is null ? 0 : 1) + (result.Rejection is null ? 0 : 1) + (result.Heartbeat is null ? 0 : 1);
                return outcomes == 1 && (result.Rejection is null || (result.Rejection.Code.Length > 0 && result.Rejection.Reason.Length > 0));
            });

    [Property(MaxTest = 300)]
    public Property Every_valid_read_maps_to_its_event_whatever_the_packaging() =>
        Prop.ForAll(Generators.Reads.ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (read, packaging) =>
        {
            var time = read.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
            var xml = HikvisionXml(plate: read.Plate, color: read.HikColor, dateTime: time, confidence: read.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var result = packaging switch
            {
                0 => Map(Utf8(xml)),
                1 => Map(Utf8(HikvisionJson(read.Plate, read.HikColor, time)), "application/json"),
                _ => Map(HikvisionMultipart(xml, Jpeg(read.Lane)), MultipartContentType),
            };
            return result.Event is { } e
                && e.Plate.Text == read.Normalised
                && e.PlateColor == read.Expected
                && e.PassTime == read.Time
                && e.Pictures.Count == (packaging == 2 ? 1 : 0);
        });
}
