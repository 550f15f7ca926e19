using System.Text;
using DataPlatform.Devices.Weighbridge;

namespace DataPlatform.Devices.Tests;

public sealed class IndicatorFixtureTests
{
    // Frames captured from a 耀华 XK3190-A9 at 1200 baud, published in a public Python weighbridge reader:
    // empty scale "022b30303030303030314203" and a car of 1560 kg "022b30303135363030313903".
    [Theory]
    [InlineData("022b30303030303030314203", 0)]
    [InlineData("022b30303135363030313903", 1560)]
    // The worked example of the A9 frame table (+20.00, XOR 0x1B sent as '1' 'B').
    [InlineData("022B303032303030323142 03", 20.00)]
    public void Xk3190_stx_reads_published_frames(string hex, double expected)
    {
        var results = new Xk3190StxFramer().Push(Encoders.Hex(hex));
        var frame = Assert.Single(results).Value;
        Assert.NotNull(frame);
        Assert.Equal((decimal)expected, frame.Weight);
        Assert.Equal(IndicatorProtocol.Xk3190Stx, frame.Protocol);
        Assert.Null(frame.Motion);
    }

    [Fact]
    public void Xk3190_stx_accepts_the_0x30_plus_nibble_checksum_form()
    {
        // XOR 0x1B sent as 0x31 0x3B (';') by firmware that adds 0x30 to each nibble.
        var frame = Assert.Single(new Xk3190StxFramer().Push(Encoders.Hex("022B3030323030303231 3B03"))).Value;
        Assert.Equal(20.00m, frame!.Weight);
        Assert.Equal(2, frame.Decimals);
    }

    [Fact]
    public void Xk3190_stx_bad_checksum_is_rejected_and_the_next_frame_still_read()
    {
        var bad = Encoders.Hex("022b30303135363030314103"); // check "1A" instead of "19"
        var good = Encoders.Hex("022b30303136353030313903"); // 1650 kg, the car with its driver
        var results = new Xk3190StxFramer().Push([.. bad, .. good]);
        Assert.Equal(DeviceRejectionCodes.BadChecksum, results[0].Rejection?.Code);
        Assert.Equal(1650m, FramerAssert.Frames(results).Single().Weight);
    }

    [Fact]
    public void Xk3190_stx_negative_weight()
    {
        var frame = Assert.Single(new Xk3190StxFramer().Push(Encoders.Xk3190Stx(1250, 1, negative: true))).Value;
        Assert.Equal(-125.0m, frame!.Weight);
    }

    // The first two are the examples of the XK3190-A26 manual (continuous communication format 1): display 3.000
    // is sent =000.3000, display -1.00 is sent =00.1000- (9 bytes: '=', seven characters lowest first, sign position).
    [Theory]
    [InlineData("=000.3000", 3.000, 3)]
    [InlineData("=00.1000-", -1.00, 2)]
    [InlineData("=00.05210", 1250.00, 2)]
    [InlineData("=0.05210-", -1250.0, 1)]
    [InlineData("=00094000", 49000, 0)]
    [InlineData("=000.0000", 0, 3)]
    public void Xk3190_equals_reverses_the_digits(string text, double expected, int decimals)
    {
        var frame = Assert.Single(new Xk3190EqualsFramer().Push(Encoding.ASCII.GetBytes(text))).Value;
        Assert.NotNull(frame);
        Assert.Equal((decimal)expected, frame.Weight);
        Assert.Equal(decimals, frame.Decimals);
    }

    [Fact]
    public void Xk3190_equals_continuous_stream_without_separator()
    {
        // tF=0 repeats the frame back to back; a reconnect starts mid-frame.
        var stream = Encoding.ASCII.GetBytes("5210=00.05210=00.05210=02.05210");
        var results = new Xk3190EqualsFramer().Push(stream);
        Assert.Equal(DeviceRejectionCodes.Garbage, results[0].Rejection?.Code);
        Assert.Equal(new[] { 1250.00m, 1250.00m, 1250.20m }, FramerAssert.Frames(results).Select(f => f.Weight));
    }

    [Theory]
    [InlineData("=00.05x10")]
    [InlineData("=0..05210")]
    [InlineData("=0-005210")]
    [InlineData("=.00052100")]
    [InlineData("=00.05215")]
    public void Xk3190_equals_rejects_malformed_values(string text)
    {
        var results = new Xk3190EqualsFramer().Push(Encoding.ASCII.GetBytes(text));
        Assert.Empty(FramerAssert.Frames(results));
        Assert.Contains(results, r => r.Rejection?.Code == DeviceRejectionCodes.BadFrame);
    }

    // Built from the Toledo continuous-output table (Wildcat / IND-series manuals): 49 820 kg gross, stable,
    // kg, no decimals (status A code 2), tare 0, checksum on.
    [Fact]
    public void Toledo_stable_gross_frame()
    {
        var frame = Assert.Single(new ToledoContinuousFramer(checksumPresent: true)
            .Push(Encoders.Hex("02 22 30 20 30 34 39 38 32 30 30 30 30 30 30 30 0D 28"))).Value;
        Assert.NotNull(frame);
        Assert.Equal(49820m, frame.Weight);
        Assert.Equal(0m, frame.Tare);
        Assert.Equal(WeightUnit.Kilogram, frame.Unit);
        Assert.False(frame.Motion);
        Assert.False(frame.IsNet);
        Assert.False(frame.OutOfRange);
    }

    [Fact]
    public void Toledo_motion_bit_is_read()
    {
        var frame = Assert.Single(new ToledoContinuousFramer(true)
            .Push(Encoders.Hex("02 22 38 20 30 34 39 38 32 30 30 30 30 30 30 30 0D 20"))).Value;
        Assert.True(frame!.Motion);
    }

    [Fact]
    public void Toledo_net_with_one_decimal_and_blanked_zeros()
    {
        // Status A code 3 = XXXXX.X; status B SWB 0x21 = bit 0 net, bit 4 clear = lb; weight " 12345", tare "001000".
        var frame = Assert.Single(new ToledoContinuousFramer(true)
            .Push(Encoders.Hex("02 23 21 20 20 31 32 33 34 35 30 30 31 30 30 30 0D 4D"))).Value;
        Assert.Equal(1234.5m, frame!.Weight);
        Assert.Equal(100.0m, frame.Tare);
        Assert.True(frame.IsNet);
        Assert.Equal(WeightUnit.Pound, frame.Unit);
        Assert.Equal(559.960m, IndicatorReading.FromFrame(frame, DateTimeOffset.UnixEpoch).WeightKg);
    }

    [Fact]
    public void Toledo_checksum_mismatch_is_rejected()
    {
        var results = new ToledoContinuousFramer(true).Push(Encoders.Hex("02 22 30 20 30 34 39 38 32 30 30 30 30 30 30 30 0D 29"));
        Assert.Equal(DeviceRejectionCodes.BadChecksum, results[0].Rejection?.Code);
        Assert.Empty(FramerAssert.Frames(results));
    }

    [Fact]
    public void Toledo_without_checksum_back_to_back()
    {
        var one = Encoders.Toledo(49820, 0, 2, false, false, false, false, true, checksum: false);
        var two = Encoders.Toledo(14300, 0, 2, false, false, false, true, true, checksum: false);
        var frames = FramerAssert.Frames(new ToledoContinuousFramer(false).Push([.. one, .. two]));
        Assert.Equal(new[] { 49820m, 14300m }, frames.Select(f => f.Weight));
        Assert.Equal(new[] { false, true }, frames.Select(f => f.Motion!.Value));
    }

    [Fact]
    public void Partial_frame_waits_and_complete_reports_the_rest()
    {
        var framer = new Xk3190StxFramer();
        Assert.Empty(framer.Push(Encoders.Hex("022b303031")));
        Assert.Equal(5, framer.BufferedBytes);
        var rest = framer.Complete();
        Assert.Equal(DeviceRejectionCodes.Garbage, Assert.Single(rest).Rejection?.Code);
        Assert.Equal(0, framer.BufferedBytes);
    }
}
