using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Adapters.Dahua;
using DataPlatform.Ingest.Adapters.Hikvision;
using DataPlatform.Ingest.Health;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.Ingest.Tests.Fixtures;

namespace DataPlatform.Ingest.Tests.Fuzz;

/// <summary>The pure parts behind the device-input fixes: vendor times at the calendar's ends, empty picture parts,
/// the missing-picture alarm's counting.</summary>
public sealed class DeviceInputProperties
{
    private static readonly Gen<string> ExtremeTimes = Gen.Elements(FuzzBodies.Times);

    [Property(MaxTest = 300)]
    public Property Any_vendor_capture_time_maps_or_is_rejected_never_throws() =>
        Prop.ForAll(ExtremeTimes.ToArbitrary(), Gen.Choose(0, 1).ToArbitrary(), (time, vendor) =>
        {
            var result = vendor == 0
                ? HikvisionAnprMapper.Map(Utf8(HikvisionXml(dateTime: time)), "application/xml", Hikvision, Now, MaxPicture)
                : DahuaTollgateMapper.Map(Utf8(DahuaJson(time: time.PadRight(19))), Dahua, Now, MaxPicture);
            return result.Event is not null || result.Rejection is { Code: RejectionCodes.InvalidTime or RejectionCodes.MissingField };
        });

    [Fact]
    public void A_capture_time_near_the_maximum_date_is_invalid_time()
    {
        var result = HikvisionAnprMapper.Map(Utf8(HikvisionXml(dateTime: "9999-12-31T23:59:59Z")), "application/xml", Hikvision, Now, MaxPicture);
        Assert.Equal(RejectionCodes.InvalidTime, result.Rejection?.Code);
        Assert.False(VendorCodes.TryTime("0001-01-01 00:00:00", out _));
        Assert.Contains("more than 24 h after now", GateEventCodec.CheckPassTime(DateTimeOffset.MaxValue, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_picture_part_keeps_the_passage_with_the_picture_marked_missing_in_place()
    {
        var scene = Jpeg(5);
        var body = Multipart.Write(Boundary,
        [
            new("anpr.xml", "anpr.xml", "application/xml", Utf8(HikvisionXml(dateTime: "2026-11-28T10:15:30+08:00"))),
            new("licensePlatePicture.jpg", "licensePlatePicture.jpg", "image/jpeg", []),
            new("detectionPicture.jpg", "detectionPicture.jpg", "image/jpeg", scene),
        ]);
        var result = HikvisionAnprMapper.Map(body, MultipartContentType, Hikvision, Now, MaxPicture);
        Assert.NotNull(result.Event);
        Assert.Equal(["missing:licensePlatePicture.jpg", PictureRef.Of(scene)], result.Event.Pictures);
        Assert.Equal([true, false], result.Pictures.Select(p => p.IsMissing));
        // A part that is not empty but no picture still refuses the push: that is a broken device, not a missed frame.
        var garbage = Multipart.Write(Boundary, [new("anpr.xml", "anpr.xml", "application/xml", Utf8(HikvisionXml())), new("x.jpg", "x.jpg", "image/jpeg", [1, 2, 3])]);
        Assert.Equal(IngestRejectionCodes.InvalidPicture, HikvisionAnprMapper.Map(garbage, MultipartContentType, Hikvision, Now, MaxPicture).Rejection?.Code);
    }

    [Property(MaxTest = 300)]
    public Property Missing_pictures_alarm_once_per_device_and_window_when_the_count_is_reached() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 200)).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (gaps, threshold) =>
        {
            var window = TimeSpan.FromMinutes(60);
            var tracker = new MissingPictureTracker(threshold, window);
            var at = Now;
            DateTimeOffset? start = null;
            var count = 0;
            foreach (var gap in gaps)
            {
                at = at.AddMinutes(gap);
                if (start is null || at - start >= window) (start, count) = (at, 0);
                count++;
                var raised = tracker.Note("cam", at);
                if ((raised is not null) != (count == threshold) || raised is { } n && n != threshold) return false;
            }
            return true;
        });
}
