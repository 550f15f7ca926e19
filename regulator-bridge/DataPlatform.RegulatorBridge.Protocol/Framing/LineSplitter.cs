using System.Text;

namespace DataPlatform.RegulatorBridge.Framing;

/// <summary>Reading side of JSON-lines framing: feed it bytes as they arrive, in chunks of any size, and it
/// yields complete lines. Tolerates CRLF, skips empty lines (keep-alives). A line over the cap is reported once
/// and discarded up to its newline, so one bad message does not kill the link or grow memory without bound.
/// Not thread-safe: one per connection.</summary>
public sealed class LineSplitter
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly int _maxLineBytes;
    private readonly List<byte> _pending = [];
    private bool _discarding;

    public LineSplitter(int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>Bytes held of an unfinished line.</summary>
    public int Buffered => _pending.Count;

    public IReadOnlyList<FramedLine> Feed(ReadOnlySpan<byte> chunk)
    {
        var lines = new List<FramedLine>();
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            var part = newline < 0 ? chunk : chunk[..newline];
            if (!_discarding)
            {
                if (_pending.Count + part.Length > _maxLineBytes + 1)
                {
                    _pending.Clear();
                    _discarding = true;
                    lines.Add(new FramedLine(null, $"行超过 {_maxLineBytes} 字节上限，已丢弃"));
                }
                else
                {
                    _pending.AddRange(part);
                }
            }
            if (newline < 0)
                break;
            if (!_discarding)
                Emit(lines);
            _discarding = false;
            _pending.Clear();
            chunk = chunk[(newline + 1)..];
        }
        return lines;
    }

    private void Emit(List<FramedLine> lines)
    {
        var count = _pending.Count;
        if (count > 0 && _pending[count - 1] == (byte)'\r')
            count--;
        if (count == 0)
            return;
        if (count > _maxLineBytes)
        {
            lines.Add(new FramedLine(null, $"行超过 {_maxLineBytes} 字节上限，已丢弃"));
            return;
        }
        try
        {
            var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending)[..count];
            var text = StrictUtf8.GetString(bytes);
            if (!string.IsNullOrWhiteSpace(text))
                lines.Add(new FramedLine(text, null));
        }
        catch (DecoderFallbackException)
        {
            lines.Add(new FramedLine(null, "行不是有效的 UTF-8"));
        }
    }
}
