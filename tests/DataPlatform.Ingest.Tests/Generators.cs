using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.Ingest.Tests;

/// <summary>Valid camera reads and arbitrary garbage, for the "everything maps or is rejected, nothing valid is
/// lost" properties.</summary>
public static class Generators
{
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    /// <summary>A plate as a camera prints it, and its normalised form.</summary>
    public sealed record CameraRead(string Plate, string Normalised, string HikColor, string DahuaColor, PlateColor Expected,
        DateTimeOffset Time, int Confidence, int Lane);

    public static Gen<string> OrdinaryPlate { get; } =
        from province in Gen.Elements(PlateProvinces.All.ToCharArray())
        from letter in Gen.Elements(Letters.ToCharArray())
        from serial in Gen.ArrayOf(Gen.Elements((Letters + Digits).ToCharArray()), 5)
        select $"{province}{letter}{new string(serial)}";

    public static Gen<string> SmallNewEnergyPlate { get; } =
        from province in Gen.Elements(PlateProvinces.All.ToCharArray())
        from letter in Gen.Elements(Letters.ToCharArray())
        from cls in Gen.Elements('D', 'F')
        from digits in Gen.ArrayOf(Gen.Elements(Digits.ToCharArray()), 5)
        select $"{province}{letter}{cls}{new string(digits)}";

    private static readonly (string Hik, string Dahua, PlateColor Color)[] Colors =
    [
        ("blue", "Blue", PlateColor.Blue), ("yellow", "Yellow", PlateColor.Yellow), ("white", "White", PlateColor.White),
        ("black", "Black", PlateColor.Black), ("unknown", "Unknown", PlateColor.Unknown), ("黄色", "黄", PlateColor.Yellow),
    ];

    public static Gen<CameraRead> Reads { get; } =
        from plate in Gen.OneOf(OrdinaryPlate, SmallNewEnergyPlate)
        from spaced in Gen.Elements(false, true)
        from color in Gen.Elements(Colors)
        from minutesAgo in Gen.Choose(0, 60 * 24 * 60)
        from millis in Gen.Choose(0, 999)
        from confidence in Gen.Choose(0, 100)
        from lane in Gen.Choose(1, 4)
        let shown = spaced ? $"{plate[..2]}·{plate[2..]}" : plate // cameras print 冀B·12345 as often as 冀B12345
        let isNev = plate.Length == 8
        select new CameraRead(shown, plate,
            isNev ? "green" : color.Hik, isNev ? "ShadowGreen" : color.Dahua, isNev ? PlateColor.Green : color.Color,
            Fixtures.Now.AddMinutes(-minutesAgo).AddMilliseconds(-millis), confidence, lane);

    /// <summary>Arbitrary bytes, plus near-misses: valid documents cut short or with a byte flipped.</summary>
    public static Gen<byte[]> Garbage(byte[] valid) => Gen.OneOf(
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? []),
        Gen.Choose(0, valid.Length).Select(n => valid[..n]),
        Gen.Zip(Gen.Choose(0, valid.Length - 1), Gen.Choose(1, 255)).Select(p =>
        {
            var copy = (byte[])valid.Clone();
            copy[p.Item1] ^= (byte)p.Item2;
            return copy;
        }));
}
