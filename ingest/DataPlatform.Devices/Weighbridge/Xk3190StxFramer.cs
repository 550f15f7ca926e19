namespace DataPlatform.Devices.Weighbridge;

/// <summary>耀华 XK3190-A9 style continuous output, 12 bytes: STX (02), sign ('+' or '-'), six weight digits
/// high first, the number of decimal places counted from the right ('0'..'4'), the XOR of bytes 1..8 as two
/// characters (high nibble, low nibble), ETX (03). Example +20.00: <c>02 2B 30 30 32 30 30 30 32 31 42 03</c>.
/// Firmware differs in how a nibble above 9 is sent: as the hex letter ('B' = 0x42) or as 0x30 + nibble
/// (';' = 0x3B); both are accepted.</summary>
public sealed class Xk3190StxFramer : StreamFramer<IndicatorFrame>
{
    public const int FrameLength = 12;
    private const byte Stx = 0x02;
    private const byte Etx = 0x03;

    protected override FrameScan<IndicatorFrame> Scan(ReadOnlySpan<byte> buffered)
    {
        if (!TryTakeFixed(buffered, Stx, FrameLength, out var f, out var scan))
            return scan;
        var hex = DeviceText.HexPreview(f);
        if (f[11] != Etx)
            return Reject(DeviceRejectionCodes.BadFrame, $"XK3190 STX frame {hex}: byte 12 is not ETX");
        if (f[1] is not ((byte)'+' or (byte)'-'))
            return Reject(DeviceRejectionCodes.BadFrame, $"XK3190 STX frame {hex}: byte 2 is not a sign");
        if (f[2..8].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            return Reject(DeviceRejectionCodes.BadFrame, $"XK3190 STX frame {hex}: the weight is not six digits");
        if (f[8] is < (byte)'0' or > (byte)'4')
            return Reject(DeviceRejectionCodes.BadFrame, $"XK3190 STX frame {hex}: decimal places must be 0..4");
        byte xor = 0;
        foreach (var b in f[1..9])
            xor ^= b;
        if (!NibbleMatches(f[9], xor >> 4) || !NibbleMatches(f[10], xor & 0xF))
            return Reject(DeviceRejectionCodes.BadChecksum, $"XK3190 STX frame {hex}: XOR check is not {xor:X2}");

        var raw = 0m;
        foreach (var b in f[2..8])
            raw = raw * 10 + (b - '0');
        var decimals = f[8] - '0';
        var weight = raw / Pow10(decimals);
        var frame = new IndicatorFrame(IndicatorProtocol.Xk3190Stx, f[1] == '-' ? -weight : weight, decimals,
            WeightUnit.Unspecified, Motion: null, IsNet: false, OutOfRange: false, Tare: null);
        return Accept(FrameLength, frame);
    }

    private static bool NibbleMatches(byte sent, int nibble) =>
        sent == (byte)(0x30 + nibble) || sent == (byte)"0123456789ABCDEF"[nibble];

    private static decimal Pow10(int n) => n switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };
}
