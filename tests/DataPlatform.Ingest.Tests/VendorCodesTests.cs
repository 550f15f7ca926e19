using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;

namespace DataPlatform.Ingest.Tests;

public sealed class VendorCodesTests
{
    [Theory]
    [InlineData("blue", PlateColor.Blue)]
    [InlineData("Yellow", PlateColor.Yellow)]
    [InlineData("ShadowGreen", PlateColor.Green)]
    [InlineData("YellowGreen", PlateColor.YellowGreen)]
    [InlineData("黄绿双拼", PlateColor.YellowGreen)]
    [InlineData("other", PlateColor.Unknown)]
    [InlineData("", PlateColor.Unknown)]
    public void Vendor_colours_map_to_the_internal_colour(string text, PlateColor expected)
    {
        Assert.True(VendorCodes.TryPlateColor(text, out var color));
        Assert.Equal(expected, color);
    }

    [Theory]
    [InlineData("1")] // numbers mean different colours in different conventions: refused, not guessed
    [InlineData("purple")]
    public void Unknown_colours_are_refused(string text) => Assert.False(VendorCodes.TryPlateColor(text, out _));

    [Theory]
    [InlineData("largeBus", "K1")]
    [InlineData("LargeTruck", "H1")]
    [InlineData("SaloonCar", "K3")]
    [InlineData("H11", "H11")]
    [InlineData("truck", null)]
    [InlineData("MPV", "K3")]
    [InlineData("bus", "K1")]
    [InlineData("van", null)]
    [InlineData("vehicle", null)]
    public void Vendor_classes_map_to_the_ga_family_they_certainly_belong_to(string text, string? code) =>
        Assert.Equal(code, VendorCodes.VehicleTypeOf(text)?.Code);

    [Theory]
    [InlineData("2026-11-28T10:15:30+08:00", "2026-11-28T02:15:30Z")]
    [InlineData("2026-11-28T02:15:30Z", "2026-11-28T02:15:30Z")]
    [InlineData("2026-11-28 10:15:30.123", "2026-11-28T02:15:30.123Z")]
    [InlineData("20261128101530123", "2026-11-28T02:15:30.123Z")]
    public void Camera_times_without_offset_are_china_time(string text, string utc)
    {
        Assert.True(VendorCodes.TryTime(text, out var time));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), time);
    }
}
