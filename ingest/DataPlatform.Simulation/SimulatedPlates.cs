using DataPlatform.Gate;

namespace DataPlatform.Simulation;

/// <summary>Plates, VINs and camera misreads drawn from a caller's random stream (so a seed replays them).</summary>
public static class SimulatedPlates
{
    private const string Provinces = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新";
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string VinChars = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    // Characters plate cameras confuse, both ways: the misreads a gate really sees.
    private static readonly (char A, char B)[] Confusable = [('0', 'D'), ('8', 'B'), ('5', 'S'), ('2', 'Z'), ('6', 'G'), ('1', 'T'), ('0', 'Q')];

    /// <summary>A plate of the plant's own province most of the time, as at a real plant.</summary>
    public static string Ordinary(Random random, char homeProvince) =>
        $"{Province(random, homeProvince)}{Pick(random, Letters)}{Pick(random, Digits + Letters)}{Pick(random, Digits)}{Pick(random, Digits)}{Pick(random, Digits)}{Pick(random, Digits)}";

    /// <summary>Large NEV plates: five digits then D (pure electric) or F (hybrid) at the end.</summary>
    public static string LargeNewEnergy(Random random, char homeProvince, bool electric) =>
        $"{Province(random, homeProvince)}{Pick(random, Letters)}{Pick(random, Digits)}{Pick(random, Digits)}{Pick(random, Digits)}{Pick(random, Digits)}{Pick(random, Digits)}{(electric ? 'D' : 'F')}";

    public static string Vin(Random random)
    {
        Span<char> vin = stackalloc char[17];
        "LZZ".CopyTo(vin);
        for (var i = 3; i < 17; i++) vin[i] = Pick(random, VinChars);
        vin[8] = '0';
        vin[8] = DataPlatform.Gate.Vin.ComputeCheckDigit(vin);
        return new string(vin);
    }

    /// <summary>The plate with one serial character swapped for its look-alike, still a valid plate (a misread
    /// the grammar cannot catch); null when no such swap exists for this plate.</summary>
    public static string? Misread(Random random, string plate)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var i = 2 + random.Next(plate.Length - 2);
            var c = plate[i];
            var options = Confusable.Where(p => p.A == c || p.B == c).Select(p => p.A == c ? p.B : p.A).ToArray();
            if (options.Length == 0) continue;
            var wrong = string.Concat(plate.AsSpan(0, i), options[random.Next(options.Length)].ToString(), plate.AsSpan(i + 1));
            if (PlateNumber.TryParse(wrong, out _, out _)) return wrong;
        }
        return null;
    }

    // What a lane's second camera confuses: 1/I gives a plate the grammar refuses (plates never use I or O).
    private static readonly (char A, char B)[] SecondCameraConfusable = [('0', 'D'), ('0', 'Q'), ('D', 'Q'), ('8', 'B'), ('1', 'I')];

    /// <summary>What a second camera at the lane reads when it disagrees with the first: the real plate with one
    /// serial character swapped within a confusable pair, never the first camera's read. May be an invalid plate
    /// (1 → I). Null when the plate has no such character.</summary>
    public static string? SecondCameraRead(Random random, string plate, string firstRead)
    {
        var positions = Enumerable.Range(2, plate.Length - 2).Where(i => SecondCameraConfusable.Any(p => p.A == plate[i] || p.B == plate[i])).ToList();
        for (var attempt = 0; attempt < 8 && positions.Count > 0; attempt++)
        {
            var i = positions[random.Next(positions.Count)];
            var options = SecondCameraConfusable.Where(p => p.A == plate[i] || p.B == plate[i]).Select(p => p.A == plate[i] ? p.B : p.A).ToArray();
            var read = string.Concat(plate.AsSpan(0, i), options[random.Next(options.Length)].ToString(), plate.AsSpan(i + 1));
            if (read != firstRead) return read;
        }
        return null;
    }

    private static char Province(Random random, char home) => random.NextDouble() < 0.7 ? home : Pick(random, Provinces);

    private static char Pick(Random random, string chars) => chars[random.Next(chars.Length)];
}
