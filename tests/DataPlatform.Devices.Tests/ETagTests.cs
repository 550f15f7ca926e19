using DataPlatform.Devices.ETag;
using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Devices.Tests;

public sealed class ETagTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 15, 30, ChinaTime.Offset);

    [Theory]
    [InlineData("e280 6894 0000 5000 1234 abcd", "E2806894000050001234ABCD")]
    [InlineData("３０００-E200-3412", "3000E2003412")]
    [InlineData("30:00:E2:00", "3000E200")]
    public void Normalize_cleans_separators_case_and_width(string text, string expected) =>
        Assert.Equal(expected, Epc.Normalize(text));

    [Theory]
    [InlineData("E2806894000050001234ABCD", true)]
    [InlineData("e280 6894 0000 5000 1234 abcd", true)]
    [InlineData("E28068940000500012345ABC", true)]
    [InlineData("E2806894000050001234ABC", false)] // 23 digits: not whole words
    [InlineData("E2806894000050001234ABCG", false)]
    [InlineData("", false)]
    public void TryParse_validates_hex_and_word_length(string text, bool valid) =>
        Assert.Equal(valid, Epc.TryParse(text, out _, out _));

    [Property(MaxTest = 1000)]
    public void Normalize_is_idempotent(string? text) =>
        Assert.Equal(Epc.Normalize(text), Epc.Normalize(Epc.Normalize(text)));

    [Property(MaxTest = 500)]
    public Property Valid_epcs_parse_to_their_upper_case_hex() => Prop.ForAll(
        Gen.Choose(1, 31).SelectMany(w => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), w * 2)).ToArbitrary(),
        bytes =>
        {
            var hex = Convert.ToHexString(bytes);
            Assert.True(Epc.TryParse(hex.ToLowerInvariant(), out var epc, out var reason), reason);
            Assert.Equal(hex, epc);
            Assert.True(Epc.TryParse(epc, out var again, out _));
            Assert.Equal(epc, again);
        });

    // The frame layout of the UHF module protocol (electron.id EL-UHF-RMT01, the M100/R200 "BB … 7E" frame):
    // a notification 02 22 with RSSI C9 (−55 dBm), PC 3000 (6 words), a 96-bit EPC, CRC, checksum, 7E.
    [Fact]
    public void Uhf_tag_notification_fixture()
    {
        var bytes = Encoders.Hex("BB 02 22 00 11 C9 30 00 E2 80 68 94 00 00 50 00 12 34 AB CD 5E 2F 27 7E");
        var n = Assert.Single(new UhfModuleFramer().Push(bytes)).Value;
        Assert.NotNull(n);
        Assert.Equal("E2806894000050001234ABCD", n.Epc);
        Assert.Equal(-55, n.Rssi);
        Assert.Equal((ushort)0x3000, n.Pc);
        var read = n.ToTagRead("rfid-01", T0.ToUniversalTime(), antenna: 1);
        Assert.Equal(new TagRead("rfid-01", n.Epc, 1, -55, T0), read);
        Assert.Equal(ChinaTime.Offset, read.Time.Offset);
    }

    [Fact]
    public void Uhf_frames_are_cut_by_length_even_when_the_epc_contains_7E_and_BB()
    {
        var epc = Encoders.Hex("7EBB7E00BB7E0000BBBB7E7E");
        var frames = FramerAssert.Frames(new UhfModuleFramer().Push([0x7E, .. Encoders.UhfTagNotification(-60, epc)]));
        Assert.Equal("7EBB7E00BB7E0000BBBB7E7E", Assert.Single(frames).Epc);
    }

    [Fact]
    public void Uhf_error_frame_and_bad_checksum_are_reasons_not_reads()
    {
        var noTag = Encoders.UhfFrame(0x01, 0xFF, [0x15]);
        var corrupt = Encoders.UhfTagNotification(-50, Encoders.Hex("E2806894000050001234ABCD"));
        corrupt[10] ^= 0x01;
        var results = new UhfModuleFramer().Push([.. noTag, .. corrupt]);
        Assert.Equal(DeviceRejectionCodes.NotATagRead, results[0].Rejection?.Code);
        Assert.Contains(results, r => r.Rejection?.Code == DeviceRejectionCodes.BadChecksum);
        Assert.Empty(FramerAssert.Frames(results));
    }

    [Fact]
    public void Uhf_pc_length_must_match_the_epc()
    {
        byte[] p = [0xC9, 0x30, 0x00, 0xE2, 0x80, 0x12, 0x34]; // PC says 6 words, 2 EPC bytes follow
        var result = Assert.Single(new UhfModuleFramer().Push(Encoders.UhfFrame(0x02, 0x22, p)));
        Assert.Equal(DeviceRejectionCodes.InvalidEpc, result.Rejection?.Code);
    }

    [Fact]
    public void Line_formats_json_and_csv()
    {
        var json = TagReadLine.Parse("""{"readerId":"rfid-01","epc":"e280 6894 0000 5000 1234 abcd","antenna":2,"rssi":-58,"time":"2026-11-28T10:15:30+08:00"}""");
        var csv = TagReadLine.Parse("rfid-01,E2806894000050001234ABCD,2,-58,2026-11-28T02:15:30Z");
        Assert.True(json.IsSuccess, json.ToString());
        Assert.Equal(new TagRead("rfid-01", "E2806894000050001234ABCD", 2, -58, T0), json.Value);
        Assert.Equal(json.Value, csv.Value);
        var noOptional = TagReadLine.Parse("rfid-01,E2806894000050001234ABCD,,,2026-11-28T10:15:30+08:00");
        Assert.Null(noOptional.Value?.Antenna);
        Assert.Null(noOptional.Value?.Rssi);
    }

    [Theory]
    [InlineData("rfid-01,E2806894000050001234ABC,1,-50,2026-11-28T10:15:30+08:00", DeviceRejectionCodes.InvalidEpc)]
    [InlineData("rfid-01,E2806894000050001234ABCD,0,-50,2026-11-28T10:15:30+08:00", RejectionCodes.InvalidField)]
    [InlineData("rfid-01,E2806894000050001234ABCD,1,-50,2026-11-28T10:15:30", RejectionCodes.InvalidTime)]
    [InlineData("rfid-01,E2806894000050001234ABCD,1,-50", RejectionCodes.InvalidField)]
    [InlineData("{\"readerId\":\"r\",\"readerId\":\"s\"}", RejectionCodes.DuplicateField)]
    [InlineData("{\"epc\":\"E2806894000050001234ABCD\"}", RejectionCodes.MissingField)]
    public void Bad_lines_are_rejected(string line, string code) => Assert.Equal(code, TagReadLine.Parse(line).Rejection?.Code);

    [Property(MaxTest = 1000)]
    public void Arbitrary_lines_never_throw(string? line)
    {
        var r = TagReadLine.Parse(line);
        Assert.True(r.Value is null ^ r.Rejection is null);
    }

    [Fact]
    public void Registry_resolves_known_tags_and_names_unknown_and_ambiguous_ones()
    {
        var plateA = PlateNumber.Parse("冀B12345");
        var plateB = PlateNumber.Parse("津C54321");
        var registry = new TagRegistry(
        [
            new TagRegistration("e280 6894 0000 5000 1234 abcd", plateA, "V-001"),
            new TagRegistration("E2806894000050001234ABCD", plateA, "V-001"), // same registration twice: fine
            new TagRegistration("300000000000000000000001", plateA, null),
            new TagRegistration("300000000000000000000001", plateB, null), // one tag, two vehicles: ambiguous
            new TagRegistration("not hex", plateB, null),
        ]);
        Assert.Equal(1, registry.Count);
        Assert.Equal(new[] { "300000000000000000000001" }, registry.Conflicts);
        Assert.Single(registry.Invalid);

        var known = registry.Resolve(new TagRead("r", "E2806894000050001234ABCD", 1, -50, T0));
        Assert.True(known.IsSuccess, known.ToString());
        Assert.Equal(plateA, known.Value.Registration.Plate);
        Assert.Equal("V-001", known.Value.Registration.VehicleId);

        Assert.Equal(DeviceRejectionCodes.UnknownTag, registry.Resolve(new TagRead("r", "300000000000000000000002", null, null, T0)).Rejection?.Code);
        var ambiguous = registry.Resolve(new TagRead("r", "300000000000000000000001", null, null, T0));
        Assert.Equal(DeviceRejectionCodes.UnknownTag, ambiguous.Rejection?.Code);
        Assert.Contains("more than one", ambiguous.Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal(DeviceRejectionCodes.InvalidEpc, registry.Resolve(new TagRead("r", "XYZ", null, null, T0)).Rejection?.Code);
    }
}
