using System.Globalization;
using System.Text;

namespace DataPlatform.Devices.Tests;

/// <summary>Test-side encoders written from the protocol descriptions (not from the parsers), so a round trip
/// checks the parser against an independent reading of the same text.</summary>
public static class Encoders
{
    /// <summary>XK3190 '=' format (XK3190-A26 / A23p manuals, continuous communication format 1): '=' + the seven
    /// displayed characters (digits and the decimal point) lowest first + the sign position, '0' or '-'.</summary>
    public static byte[] Xk3190Equals(long raw, int decimals, bool negative)
    {
        var digitsCount = 7 - (decimals > 0 ? 1 : 0);
        var digits = raw.ToString(CultureInfo.InvariantCulture).PadLeft(digitsCount, '0');
        if (digits.Length != digitsCount)
            throw new ArgumentOutOfRangeException(nameof(raw));
        var display = decimals > 0 ? digits.Insert(digitsCount - decimals, ".") : digits;
        var reversed = display.Reverse().ToArray();
        return Encoding.ASCII.GetBytes("=" + new string(reversed) + (negative ? "-" : "0"));
    }

    /// <summary>XK3190-A9 STX frame; <paramref name="hexLetters"/> picks 'A'..'F' or 0x3A..0x3F for nibbles above 9.</summary>
    public static byte[] Xk3190Stx(int raw, int decimals, bool negative, bool hexLetters = true)
    {
        var body = Encoding.ASCII.GetBytes((negative ? "-" : "+") + raw.ToString("D6", CultureInfo.InvariantCulture) + decimals);
        byte xor = 0;
        foreach (var b in body)
            xor ^= b;
        byte Nibble(int n) => hexLetters ? (byte)"0123456789ABCDEF"[n] : (byte)(0x30 + n);
        return [0x02, .. body, Nibble(xor >> 4), Nibble(xor & 0xF), 0x03];
    }

    /// <summary>Toledo continuous: status A with decimal code, B flags, C; leading zeros optionally as spaces.</summary>
    public static byte[] Toledo(int rawWeight, int rawTare, int decimalCode, bool net, bool negative, bool overRange,
        bool motion, bool kg, bool checksum, bool blankLeadingZeros = false)
    {
        byte swa = (byte)(0x20 | 0x08 | (decimalCode & 7));
        byte swb = (byte)(0x20 | (net ? 1 : 0) | (negative ? 2 : 0) | (overRange ? 4 : 0) | (motion ? 8 : 0) | (kg ? 0x10 : 0));
        byte swc = 0x20;
        string Field(int v)
        {
            var s = v.ToString("D6", CultureInfo.InvariantCulture);
            if (!blankLeadingZeros)
                return s;
            var firstNonZero = s.TakeWhile(c => c == '0').Count();
            return new string(' ', Math.Min(firstNonZero, 5)) + s[Math.Min(firstNonZero, 5)..];
        }
        var bytes = new List<byte> { 0x02, swa, swb, swc };
        bytes.AddRange(Encoding.ASCII.GetBytes(Field(rawWeight) + Field(rawTare)));
        bytes.Add(0x0D);
        if (checksum)
        {
            var sum = bytes.Sum(b => b & 0x7F);
            bytes.Add((byte)(-sum & 0x7F));
        }
        return [.. bytes];
    }

    /// <summary>The weight a Toledo frame with this decimal code and raw digits means.</summary>
    public static decimal ToledoWeight(int raw, int decimalCode) => decimalCode switch
    {
        0 => raw * 100m,
        1 => raw * 10m,
        2 => raw,
        _ => raw / (decimal)Math.Pow(10, decimalCode - 2),
    };

    /// <summary>UHF module frame BB type code PL params checksum 7E.</summary>
    public static byte[] UhfFrame(byte type, byte code, ReadOnlySpan<byte> parameters)
    {
        var f = new List<byte> { 0xBB, type, code, (byte)(parameters.Length >> 8), (byte)parameters.Length };
        f.AddRange(parameters.ToArray());
        var sum = f.Skip(1).Sum(b => b);
        f.Add((byte)sum);
        f.Add(0x7E);
        return [.. f];
    }

    /// <summary>A tag notification: RSSI, PC (length in words, other bits 0), EPC, and a CRC (not checked).</summary>
    public static byte[] UhfTagNotification(sbyte rssi, byte[] epc, ushort crc = 0x1234)
    {
        var pc = (ushort)((epc.Length / 2) << 11);
        byte[] p = [(byte)rssi, (byte)(pc >> 8), (byte)pc, .. epc, (byte)(crc >> 8), (byte)crc];
        return UhfFrame(0x02, 0x22, p);
    }

    public static byte[] Hex(string spaced) => Convert.FromHexString(spaced.Replace(" ", "", StringComparison.Ordinal));
}
