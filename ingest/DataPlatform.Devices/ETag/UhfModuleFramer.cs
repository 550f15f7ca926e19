namespace DataPlatform.Devices.ETag;

/// <summary>The serial frame of the widely used UHF reader modules (Magic RF M100 / R200-class chips, sold under
/// many names): header BB, type (00 command, 01 response, 02 notification), code, parameter length PL (2 bytes,
/// high first), PL parameter bytes, checksum = low byte of the sum of type..last parameter byte, end 7E.
/// A tag report is a notification with code 22 whose parameters are RSSI (1, signed dBm), PC (2), EPC
/// (PC bits 15..11 words), and the tag's CRC-16 (2; checked by the module, passed on, not re-checked here).
/// Other well-formed frames — command responses, the error frame (code FF, e.g. 15 "no tag") — come out as
/// <see cref="DeviceRejectionCodes.NotATagRead"/> so nothing is silently dropped. 0xBB and 0x7E may occur
/// inside the parameters, so frames are cut by length, never by searching for 7E.</summary>
public sealed class UhfModuleFramer : StreamFramer<UhfTagNotification>
{
    public const int MaxParameterLength = 512;
    private const byte Header = 0xBB;
    private const byte End = 0x7E;

    protected override FrameScan<UhfTagNotification> Scan(ReadOnlySpan<byte> buffered)
    {
        if (buffered[0] != Header)
            return SkipTo(buffered, Header);
        if (buffered.Length < 5)
            return FrameScan<UhfTagNotification>.NeedMore;
        var pl = (buffered[3] << 8) | buffered[4];
        if (pl > MaxParameterLength)
            return Reject(DeviceRejectionCodes.BadFrame, $"UHF frame {DeviceText.HexPreview(buffered[..5])}: PL {pl} is more than {MaxParameterLength}");
        var length = 7 + pl;
        if (buffered.Length < length)
            return FrameScan<UhfTagNotification>.NeedMore;
        var f = buffered[..length];
        var hex = DeviceText.HexPreview(f);
        if (f[^1] != End)
            return Reject(DeviceRejectionCodes.BadFrame, $"UHF frame {hex}: does not end in 7E");
        var sum = 0;
        foreach (var b in f[1..(5 + pl)])
            sum += b;
        if ((byte)sum != f[5 + pl])
            return Reject(DeviceRejectionCodes.BadChecksum, $"UHF frame {hex}: checksum is not {(byte)sum:X2}");

        // From here the frame is well-formed: it is consumed whole, as a read or as a reason.
        byte type = f[1], code = f[2];
        if (type != 0x02 || code != 0x22)
            return new(length, DeviceResult<UhfTagNotification>.Failure(DeviceRejectionCodes.NotATagRead,
                $"UHF frame type {type:X2} code {code:X2} is not a tag notification (02 22): {hex}"));
        var p = f.Slice(5, pl);
        if (pl < 5 + 2)
            return new(length, DeviceResult<UhfTagNotification>.Failure(DeviceRejectionCodes.BadFrame,
                $"UHF tag notification {hex}: {pl} parameter bytes cannot hold RSSI, PC, an EPC and CRC"));
        var pc = (ushort)((p[1] << 8) | p[2]);
        var epcBytes = p[3..^2];
        var words = pc >> 11;
        if (words * 2 != epcBytes.Length)
            return new(length, DeviceResult<UhfTagNotification>.Failure(DeviceRejectionCodes.InvalidEpc,
                $"UHF tag notification {hex}: PC {pc:X4} says {words} EPC words, the frame carries {epcBytes.Length} bytes"));
        return Accept(length, new UhfTagNotification((sbyte)p[0], pc, Convert.ToHexString(epcBytes)));
    }
}
