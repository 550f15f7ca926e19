namespace DataPlatform.Devices.Weighbridge;

/// <summary>Mettler Toledo continuous output (also emitted by most Chinese indicators as "托利多格式"): STX,
/// status words A B C, six digits of displayed weight, six digits of tare (no decimal point, leading zeros may be
/// sent as spaces), CR, and an optional checksum: the two's complement of the 7-bit sum of all preceding bytes
/// including STX and CR. Whether the checksum is sent is an indicator setting, so it is ours too.
/// Status A bits 0-2: decimal position (0: ×100, 1: ×10, 2: none, 3..7: 1..5 decimals).
/// Status B: bit 0 net, bit 1 negative, bit 2 out of range, bit 3 motion, bit 4 kg (else lb).
/// Status C: bit 0 grams. Bit 7 of every byte may be parity and is ignored.</summary>
public sealed class ToledoContinuousFramer(bool checksumPresent) : StreamFramer<IndicatorFrame>
{
    private const byte Stx = 0x02;
    private const byte Cr = 0x0D;

    public bool ChecksumPresent { get; } = checksumPresent;

    public int FrameLength => ChecksumPresent ? 18 : 17;

    protected override FrameScan<IndicatorFrame> Scan(ReadOnlySpan<byte> buffered)
    {
        if (!TryTakeFixed(buffered, Stx, FrameLength, out var f, out var scan))
            return scan;
        var hex = DeviceText.HexPreview(f);
        if ((f[16] & 0x7F) != Cr)
            return Reject(DeviceRejectionCodes.BadFrame, $"Toledo frame {hex}: byte 17 is not CR");
        if (!TryDigits(f[4..10], out var rawWeight) || !TryDigits(f[10..16], out var rawTare))
            return Reject(DeviceRejectionCodes.BadFrame, $"Toledo frame {hex}: weight and tare must be six digits");
        if (ChecksumPresent)
        {
            var sum = 0;
            foreach (var b in f[..17])
                sum += b & 0x7F;
            if (((sum + f[17]) & 0x7F) != 0)
                return Reject(DeviceRejectionCodes.BadChecksum, $"Toledo frame {hex}: checksum mismatch");
        }

        int a = f[1] & 0x7F, b1 = f[2] & 0x7F, c = f[3] & 0x7F;
        var position = a & 0b111;
        var scale = position switch { 0 => 100m, 1 => 10m, _ => 1m };
        var decimals = Math.Max(0, position - 2);
        var divisor = Pow10(decimals);
        var weight = rawWeight * scale / divisor;
        var tare = rawTare * scale / divisor;
        var unit = (c & 1) != 0 ? WeightUnit.Gram : (b1 & 0x10) != 0 ? WeightUnit.Kilogram : WeightUnit.Pound;
        var frame = new IndicatorFrame(IndicatorProtocol.ToledoContinuous,
            (b1 & 0x02) != 0 ? -weight : weight, decimals, unit,
            Motion: (b1 & 0x08) != 0, IsNet: (b1 & 0x01) != 0, OutOfRange: (b1 & 0x04) != 0, Tare: tare);
        return Accept(FrameLength, frame);
    }

    // Leading zeros may be blanked to spaces; a space after the first digit is not a number.
    private static bool TryDigits(ReadOnlySpan<byte> field, out decimal value)
    {
        value = 0;
        var seenDigit = false;
        foreach (var raw in field)
        {
            var b = raw & 0x7F;
            if (b == ' ' && !seenDigit)
                continue;
            if (b is < '0' or > '9')
                return false;
            seenDigit = true;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
            p *= 10;
        return p;
    }
}
