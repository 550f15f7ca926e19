using System.Text;
using DataPlatform.RegulatorBridge.Framing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class FramingTests
{
    [Property(MaxTest = 300)]
    public Property Lines_survive_any_chunking() =>
        Prop.ForAll(
            (from lines in Gen.ListOf(Gens.UnicodeText(1, 8).Select(t => t.Replace("\n", "").Replace("\r", "")).Where(t => t.Trim().Length > 0))
             from cuts in Gen.ListOf(Gen.Choose(1, 7))
             select (lines, cuts)).ToArbitrary(),
            c =>
            {
                var bytes = c.lines.SelectMany(JsonLines.Frame).ToArray();
                var splitter = new LineSplitter(1024);
                var got = new List<string>();
                var position = 0;
                foreach (var cut in c.cuts.Append(int.MaxValue))
                {
                    var n = Math.Min(cut, bytes.Length - position);
                    got.AddRange(splitter.Feed(bytes.AsSpan(position, n)).Select(l => l.Text!));
                    position += n;
                    if (position == bytes.Length)
                        break;
                }
                Assert.Equal(c.lines, got);
                Assert.Equal(0, splitter.Buffered);
            });

    [Fact]
    public void Over_long_lines_are_dropped_once_and_the_link_carries_on()
    {
        var splitter = new LineSplitter(16);
        var lines = splitter.Feed(Encoding.UTF8.GetBytes(new string('x', 40) + "\n{\"a\":\"心跳\"}\r\n\n"));
        Assert.Equal(2, lines.Count);
        Assert.False(lines[0].IsValid);
        Assert.Equal("{\"a\":\"心跳\"}", lines[1].Text);
    }

    [Fact]
    public void Invalid_UTF8_is_reported_and_raw_newlines_cannot_be_framed()
    {
        var lines = new LineSplitter(64).Feed([0xFF, 0xFE, (byte)'\n']);
        Assert.Equal("行不是有效的 UTF-8", Assert.Single(lines).Error);
        Assert.Throws<ArgumentException>(() => JsonLines.Frame("{\n}"));
    }
}
