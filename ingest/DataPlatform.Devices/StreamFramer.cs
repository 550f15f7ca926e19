using DataPlatform.Gate;

namespace DataPlatform.Devices;

/// <summary>Cuts a byte stream that arrives in arbitrary chunks (TCP from a serial-to-Ethernet converter splits
/// anywhere) into frames. Subclasses decide only on complete data: <see cref="Scan"/> asks for more bytes rather
/// than judging a partial frame, so where the chunks are split never changes which frames come out. A candidate
/// that fails validation gives up only its first byte, so a valid frame that starts inside it is still found.
/// Not thread-safe: one framer per connection.</summary>
public abstract class StreamFramer<TFrame> where TFrame : class
{
    // Large pushes are taken in slices so the buffer stays around one frame plus one slice.
    private const int SliceLength = 4096;

    private byte[] _buffer = new byte[512];
    private int _count;

    /// <summary>Bytes held back while waiting for the rest of a frame.</summary>
    public int BufferedBytes => _count;

    /// <summary>Feeds one chunk; returns the frames and rejections it completed, in stream order.</summary>
    public IReadOnlyList<DeviceResult<TFrame>> Push(ReadOnlySpan<byte> chunk)
    {
        var results = new List<DeviceResult<TFrame>>();
        while (!chunk.IsEmpty)
        {
            var slice = chunk[..Math.Min(chunk.Length, SliceLength)];
            chunk = chunk[slice.Length..];
            Append(slice);
            Drain(results);
        }
        return results;
    }

    /// <summary>Ends the stream (the connection closed): whatever is still buffered can never become a frame.</summary>
    public IReadOnlyList<DeviceResult<TFrame>> Complete()
    {
        if (_count == 0)
            return [];
        var rejection = DeviceResult<TFrame>.Failure(DeviceRejectionCodes.Garbage,
            $"stream ended inside a frame: {_count} bytes {DeviceText.HexPreview(_buffer.AsSpan(0, _count))}");
        _count = 0;
        return [rejection];
    }

    /// <summary>Looks at the start of the buffer. Must consume at least one byte whenever it returns an item, and
    /// return <see cref="FrameScan{TFrame}.NeedMore"/> only when more bytes could change the decision.</summary>
    protected abstract FrameScan<TFrame> Scan(ReadOnlySpan<byte> buffered);

    /// <summary>Skips bytes up to the next <paramref name="start"/> byte as one garbage rejection.</summary>
    protected static FrameScan<TFrame> SkipTo(ReadOnlySpan<byte> buffered, byte start)
    {
        var next = buffered[1..].IndexOf(start);
        var skip = next < 0 ? buffered.Length : next + 1;
        return new(skip, DeviceResult<TFrame>.Failure(DeviceRejectionCodes.Garbage,
            $"{skip} bytes outside any frame: {DeviceText.HexPreview(buffered[..skip])}"));
    }

    /// <summary>For frames of a fixed <paramref name="length"/> opened by <paramref name="start"/>: the candidate
    /// frame at the start of the buffer, or false with what to return meanwhile (the bytes before the next start
    /// byte skipped as garbage, or a wait for the rest of the frame).</summary>
    protected static bool TryTakeFixed(
        ReadOnlySpan<byte> buffered, byte start, int length, out ReadOnlySpan<byte> frame, out FrameScan<TFrame> scan)
    {
        frame = default;
        scan = buffered[0] != start ? SkipTo(buffered, start) : FrameScan<TFrame>.NeedMore;
        if (buffered[0] != start || buffered.Length < length) return false;
        frame = buffered[..length];
        return true;
    }

    /// <summary>Rejects the candidate that starts the buffer, giving up only its start byte.</summary>
    protected static FrameScan<TFrame> Reject(string code, string reason) =>
        new(1, DeviceResult<TFrame>.Failure(new Rejection(code, reason)));

    protected static FrameScan<TFrame> Accept(int length, TFrame frame) => new(length, DeviceResult<TFrame>.Success(frame));

    private void Append(ReadOnlySpan<byte> slice)
    {
        if (_count + slice.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + slice.Length));
        slice.CopyTo(_buffer.AsSpan(_count));
        _count += slice.Length;
    }

    private void Drain(List<DeviceResult<TFrame>> results)
    {
        var offset = 0;
        while (offset < _count)
        {
            var step = Scan(_buffer.AsSpan(offset, _count - offset));
            if (step.Consumed <= 0)
                break;
            offset += Math.Min(step.Consumed, _count - offset);
            if (step.Item is not null)
                results.Add(step.Item);
        }
        if (offset > 0)
        {
            _buffer.AsSpan(offset, _count - offset).CopyTo(_buffer);
            _count -= offset;
        }
    }
}
