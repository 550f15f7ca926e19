using System.Text;
using DataPlatform.Devices;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>Cuts a text stream into lines at <paramref name="terminator"/> (a trailing CR before LF is dropped,
/// empty lines are keep-alives and skipped). A line longer than <paramref name="maxLength"/> bytes is rejected
/// as soon as that many bytes are buffered, so a sender that never ends a line cannot grow our buffer; the
/// decision does not depend on how the stream was chunked. Bytes that are not UTF-8 are rejected, not guessed.</summary>
public sealed class TextLineFramer(byte terminator, int maxLength) : StreamFramer<string>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    protected override FrameScan<string> Scan(ReadOnlySpan<byte> buffered)
    {
        var end = buffered.IndexOf(terminator);
        // Judged on the first maxLength + 1 bytes alone, whether or not the terminator came in the same chunk.
        if (end < 0 || end > maxLength)
        {
            if (end < 0 && buffered.Length <= maxLength)
                return FrameScan<string>.NeedMore;
            return new(maxLength + 1, DeviceResult<string>.Failure(RejectionCodes.TooLarge, $"no line end within {maxLength} bytes"));
        }
        var line = buffered[..end];
        if (terminator == (byte)'\n' && !line.IsEmpty && line[^1] == (byte)'\r')
            line = line[..^1];
        if (line.Trim(" \t\r\n"u8).IsEmpty)
            return new(end + 1, null);
        try
        {
            return new(end + 1, DeviceResult<string>.Success(Strict.GetString(line)));
        }
        catch (DecoderFallbackException)
        {
            return new(end + 1, DeviceResult<string>.Failure(RejectionCodes.BadJson, "the line is not UTF-8 text"));
        }
    }
}
