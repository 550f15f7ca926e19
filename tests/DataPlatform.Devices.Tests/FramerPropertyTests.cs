using DataPlatform.Devices.ETag;
using DataPlatform.Devices.Weighbridge;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Devices.Tests;

public sealed class FramerPropertyTests
{
    public static IEnumerable<Func<StreamFramer<IndicatorFrame>>> IndicatorFramers() =>
    [
        () => new Xk3190EqualsFramer(),
        () => new Xk3190StxFramer(),
        () => new ToledoContinuousFramer(true),
        () => new ToledoContinuousFramer(false),
    ];

    // ---- generators of valid frames (bytes, expected frame) ----

    private static readonly Gen<(byte[] Bytes, decimal Weight)> Xk3190EqualsFrames =
        from decimals in Gen.Choose(0, 3)
        from negative in Gen.Elements(false, true)
        let digits = 7 - (decimals > 0 ? 1 : 0)
        from raw in Gen.Choose(0, (int)Math.Pow(10, digits) - 1)
        select (Encoders.Xk3190Equals(raw, decimals, negative), (negative ? -raw : raw) / (decimal)Math.Pow(10, decimals));

    private static readonly Gen<(byte[] Bytes, decimal Weight)> Xk3190StxFrames =
        from raw in Gen.Choose(0, 999_999)
        from decimals in Gen.Choose(0, 4)
        from negative in Gen.Elements(false, true)
        from letters in Gen.Elements(false, true)
        select (Encoders.Xk3190Stx(raw, decimals, negative, letters), (negative ? -raw : raw) / (decimal)Math.Pow(10, decimals));

    private static Gen<(byte[] Bytes, decimal Weight)> ToledoFrames(bool checksum) =>
        from raw in Gen.Choose(0, 999_999)
        from tare in Gen.Choose(0, 999_999)
        from code in Gen.Choose(0, 7)
        from flags in Gen.Choose(0, 31)
        from blank in Gen.Elements(false, true)
        select (Encoders.Toledo(raw, tare, code, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
                (flags & 16) != 0, checksum, blank),
            ((flags & 2) != 0 ? -1 : 1) * Encoders.ToledoWeight(raw, code));

    private static Gen<(byte[] Bytes, decimal Weight)> ValidFrames(int protocol) => protocol switch
    {
        0 => Xk3190EqualsFrames,
        1 => Xk3190StxFrames,
        2 => ToledoFrames(true),
        _ => ToledoFrames(false),
    };

    private static StreamFramer<IndicatorFrame> NewFramer(int protocol) => IndicatorFramers().ElementAt(protocol)();

    private static readonly Gen<int> Protocols = Gen.Choose(0, 3);

    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    // ---- properties ----

    [Property(MaxTest = 500)]
    public void Any_bytes_in_any_chunks_never_throw_and_yield_well_formed_results(byte[]? bytes, int[]? cuts)
    {
        for (var p = 0; p < 4; p++)
        {
            var framer = NewFramer(p);
            var results = FramerAssert.PushSplit(framer, bytes ?? [], cuts ?? []);
            results.AddRange(framer.Complete());
            FramerAssert.WellFormed(results);
            Assert.Equal(0, framer.BufferedBytes);
        }
        var uhf = new UhfModuleFramer();
        var uhfResults = FramerAssert.PushSplit(uhf, bytes ?? [], cuts ?? []);
        FramerAssert.WellFormed(uhfResults);
    }

    [Property(MaxTest = 300)]
    public Property Encode_then_parse_is_the_same_weight() => Prop.ForAll(
        Protocols.SelectMany(p => ValidFrames(p).Select(f => (p, f))).ToArbitrary(),
        t =>
        {
            var (protocol, (bytes, weight)) = t;
            var frame = Assert.Single(NewFramer(protocol).Push(bytes)).Value;
            Assert.NotNull(frame);
            Assert.Equal(weight, frame.Weight);
        });

    // Garbage between frames never contains a start byte here, so every valid frame must come out, in order.
    [Property(MaxTest = 300)]
    public Property Split_stream_yields_every_frame_exactly_as_unsplit() => Prop.ForAll(
        (from p in Protocols
         from frames in Gen.ListOf(ValidFrames(p)).Select(l => l.ToList())
         from garbage in Gen.ListOf(Gen.ArrayOf(Gen.Elements<byte>(0x41, 0x0A, 0x0D, 0x20, 0x7F, 0xFF, 0x31)), frames.Count + 1).Select(l => l.ToList())
         from cuts in Gen.ArrayOf(Gen.Choose(0, 100_000))
         select (p, frames, garbage, cuts)).ToArbitrary(),
        t =>
        {
            var (protocol, frames, garbage, cuts) = t;
            var stream = new List<byte>(garbage[0]);
            for (var i = 0; i < frames.Count; i++)
                stream.AddRange([.. frames[i].Bytes, .. garbage[i + 1]]);
            var bytes = stream.ToArray();
            var whole = FramerAssert.Frames(NewFramer(protocol).Push(bytes));
            var split = FramerAssert.Frames(FramerAssert.PushSplit(NewFramer(protocol), bytes, cuts));
            Assert.Equal(whole, split);
            Assert.Equal(frames.Select(f => f.Weight), split.Select(f => f.Weight));
        });

    // With arbitrary garbage (start bytes included) chunking still never changes what comes out.
    [Property(MaxTest = 300)]
    public Property Chunking_never_changes_the_output_even_with_hostile_garbage() => Prop.ForAll(
        (from p in Protocols
         from frames in Gen.ListOf(ValidFrames(p)).Select(l => l.ToList())
         from garbage in Gen.ListOf(Gen.ArrayOf(AnyByte), frames.Count + 1).Select(l => l.ToList())
         from cuts in Gen.ArrayOf(Gen.Choose(0, 100_000))
         select (p, frames, garbage, cuts)).ToArbitrary(),
        t =>
        {
            var (protocol, frames, garbage, cuts) = t;
            var stream = new List<byte>(garbage[0] ?? []);
            for (var i = 0; i < frames.Count; i++)
                stream.AddRange([.. frames[i].Bytes, .. garbage[i + 1] ?? []]);
            var bytes = stream.ToArray();
            var whole = NewFramer(protocol).Push(bytes).Select(r => r.Value).ToList();
            var split = FramerAssert.PushSplit(NewFramer(protocol), bytes, cuts).Select(r => r.Value).Where(v => v is not null).ToList();
            Assert.Equal(whole.Where(v => v is not null), split);
        });

    [Property(MaxTest = 300)]
    public Property Uhf_tag_notifications_survive_any_split() => Prop.ForAll(
        (from reads in Gen.ListOf(
                from words in Gen.Choose(1, 31)
                from epc in Gen.ArrayOf(AnyByte, words * 2)
                from rssi in Gen.Choose(-100, -20)
                select (epc, (sbyte)rssi))
            .Select(l => l.ToList())
         from cuts in Gen.ArrayOf(Gen.Choose(0, 100_000))
         select (reads, cuts)).ToArbitrary(),
        t =>
        {
            var (reads, cuts) = t;
            // An error frame ("no tag", code FF param 15) between reads, as modules send during inventory.
            var noTag = Encoders.UhfFrame(0x01, 0xFF, [0x15]);
            var bytes = reads.SelectMany(r => (byte[])[.. Encoders.UhfTagNotification(r.Item2, r.epc), .. noTag]).ToArray();
            var results = FramerAssert.PushSplit(new UhfModuleFramer(), bytes, cuts);
            Assert.Equal(reads.Select(r => Convert.ToHexString(r.epc)), FramerAssert.Frames(results).Select(n => n.Epc));
            Assert.Equal(reads.Select(r => (int)r.Item2), FramerAssert.Frames(results).Select(n => n.Rssi));
            Assert.Equal(reads.Count, results.Count(r => r.Rejection?.Code == DeviceRejectionCodes.NotATagRead));
        });
}
