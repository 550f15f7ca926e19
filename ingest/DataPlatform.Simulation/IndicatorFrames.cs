using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;

namespace DataPlatform.Simulation;

/// <summary>What a weighbridge indicator sends while a vehicle drives on, settles and drives off, in the
/// indicator's own continuous-output frames (the inverse of the Devices framers), or the weighbridge software's
/// line for <see cref="TcpProtocol.SoftwareLine"/>. Weights are whole kilograms (a kg-calibrated indicator).</summary>
public static class IndicatorFrames
{
    /// <summary>Readings of one weighing: empty scale, the ramp as the axles roll on (in motion), at least
    /// six steady readings at the weight, the ramp down, empty again.</summary>
    public static IReadOnlyList<(decimal Kg, bool Motion)> Readings(decimal weightKg)
    {
        decimal At(double share) => Math.Round(weightKg * (decimal)share / 20m) * 20m;
        return [(0, false), (0, false), (At(0.25), true), (At(0.5), true), (At(0.75), true), (At(0.95), true),
            .. Enumerable.Repeat((weightKg, false), 6), (At(0.5), true), (At(0.1), true), (0, false), (0, false)];
    }

    /// <summary>The bytes the weighbridge line carries for <paramref name="weighing"/>.</summary>
    public static byte[] Weighing(TcpProtocol protocol, SimulatedWeighing weighing, string enterpriseId)
    {
        if (protocol == TcpProtocol.SoftwareLine)
            return SoftwareLine(weighing);
        return [.. Readings(weighing.WeightKg).SelectMany(r => Frame(protocol, r.Kg, r.Motion))];
    }

    public static byte[] Frame(TcpProtocol protocol, decimal kg, bool motion)
    {
        var whole = (long)Math.Round(kg);
        return protocol switch
        {
            TcpProtocol.Xk3190Equals => Xk3190Equals(whole),
            TcpProtocol.Xk3190Stx => Xk3190Stx(whole),
            TcpProtocol.Toledo => Toledo(whole, motion, checksum: false),
            TcpProtocol.ToledoChecksum => Toledo(whole, motion, checksum: true),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "not an indicator protocol"),
        };
    }

    // '=', the seven displayed characters lowest digit first, then the sign position ('0' positive): 49820 kg
    // shows 0049820 and is sent =02894000 (XK3190-A26/A23p manuals, continuous communication format 1).
    private static byte[] Xk3190Equals(long kg)
    {
        var shown = Math.Abs(kg).ToString("D7", CultureInfo.InvariantCulture).ToCharArray();
        Array.Reverse(shown);
        return Encoding.ASCII.GetBytes("=" + new string(shown) + (kg < 0 ? "-" : "0"));
    }

    private static byte[] Xk3190Stx(long kg)
    {
        var f = new byte[12];
        f[0] = 0x02;
        f[1] = (byte)'+';
        Encoding.ASCII.GetBytes(kg.ToString("D6", CultureInfo.InvariantCulture), f.AsSpan(2, 6));
        f[8] = (byte)'0';
        byte xor = 0;
        foreach (var b in f.AsSpan(1, 8)) xor ^= b;
        f[9] = (byte)"0123456789ABCDEF"[xor >> 4];
        f[10] = (byte)"0123456789ABCDEF"[xor & 0xF];
        f[11] = 0x03;
        return f;
    }

    // Status A 0x22: decimal position code 2 (no decimals); B: bit 4 kg, bit 3 motion; C 0x20. Tare 0.
    private static byte[] Toledo(long kg, bool motion, bool checksum)
    {
        var f = new List<byte> { 0x02, 0x22, (byte)(0x30 | (motion ? 0x08 : 0)), 0x20 };
        f.AddRange(Encoding.ASCII.GetBytes(kg.ToString("D6", CultureInfo.InvariantCulture) + "000000"));
        f.Add(0x0D);
        if (checksum) f.Add((byte)((0x80 - f.Sum(b => b & 0x7F) % 0x80) & 0x7F));
        return [.. f];
    }

    private static byte[] SoftwareLine(SimulatedWeighing w) => [.. JsonSerializer.SerializeToUtf8Bytes(new
    {
        weighbridgeId = w.WeighbridgeId,
        time = ChinaTime.From(w.At).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        weightKg = w.WeightKg,
        kind = w.Gross ? "gross" : "tare",
        cargoName = w.Cargo,
        plateNo = w.Plate,
    }), (byte)'\n'];
}
