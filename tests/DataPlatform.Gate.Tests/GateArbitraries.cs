using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.Gate.Tests;

/// <summary>FsCheck generators for the gate vocabulary; register with
/// <c>[Property(Arbitrary = [typeof(GateArbitraries)])]</c>.</summary>
public static class GateArbitraries
{
    public const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const string Digits = "0123456789";
    public const string NevClass = "DABCEFGHJK";
    public const string SpecialSuffixes = "学警领使港澳";

    /// <summary>The clock the generated events are judged against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 15, 30, TimeSpan.FromHours(8));

    private static Gen<char> Of(string chars) => Gen.Elements(chars.ToCharArray());

    private static Gen<string> Concat(params Gen<string>[] parts) =>
        Gen.CollectToArray(parts).Select(p => string.Concat(p));

    private static Gen<string> Chars(string alphabet, int count) =>
        Gen.ArrayOf(Of(alphabet), count).Select(cs => new string(cs));

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Chars(alphabet, n));

    private static Gen<string> One(string alphabet) => Of(alphabet).Select(c => c.ToString());

    public static Gen<PlateSample> PlateGen { get; } = Gen.OneOf(
        Concat(One(PlateProvinces.All), One(Letters), Chars(Letters + Digits, 5))
            .Select(t => new PlateSample(t, PlateKind.Ordinary, t[..1], "")),
        Concat(One(PlateProvinces.All), One(Letters), One(NevClass), One(Letters + Digits), Chars(Digits, 4))
            .Select(t => new PlateSample(t, PlateKind.SmallNewEnergy, t[..1], "")),
        Concat(One(PlateProvinces.All), One(Letters), Chars(Digits, 5), One(NevClass))
            .Select(t => new PlateSample(t, PlateKind.LargeNewEnergy, t[..1], "")),
        Concat(One(PlateProvinces.All), One(Letters), Chars(Letters + Digits, 4), Gen.Constant("挂"))
            .Select(t => new PlateSample(t, PlateKind.Trailer, t[..1], "挂")),
        Concat(One(PlateProvinces.All), One(Letters), Chars(Letters + Digits, 4), One(SpecialSuffixes))
            .Select(t => new PlateSample(t, PlateKind.Special, t[..1], t[^1..])),
        Concat(One(PlateProvinces.All), One(Letters), Chars(Letters + Digits, 4), Gen.Constant("应急"))
            .Select(t => new PlateSample(t, PlateKind.Emergency, t[..1], "应急")),
        Concat(Gen.Constant("使"), Chars(Digits, 6))
            .Select(t => new PlateSample(t, PlateKind.Special, "", "使")));

    public static Arbitrary<PlateSample> PlateSamples() => PlateGen.ToArbitrary();

    private static readonly string[] Noise = ["", "", "", " ", "·", "•", "-", ".", "\u3000", "．", "－", "\u30FB", "\u200B"];

    private static Gen<string> NoisyChar(char c)
    {
        var forms = new List<string> { c.ToString() };
        if (char.IsAsciiLetterOrDigit(c))
        {
            var lower = char.ToLowerInvariant(c);
            forms.AddRange([lower.ToString(), ((char)(c + 0xFEE0)).ToString(), ((char)(lower + 0xFEE0)).ToString()]);
        }
        return Gen.Zip(Gen.Elements(Noise), Gen.Elements(forms.ToArray())).Select(p => p.Item1 + p.Item2);
    }

    public static Arbitrary<NoisyPlate> NoisyPlates() =>
        PlateGen.SelectMany(
                plate => Gen.CollectToArray(plate.Text.Select(NoisyChar)).Zip(Gen.Elements(Noise)),
                (plate, parts) => new NoisyPlate(plate, string.Concat(parts.Item1) + parts.Item2))
            .ToArbitrary();

    private static readonly Gen<string> OrdinaryText =
        Concat(One(PlateProvinces.All), One(Letters), Chars(Letters + Digits, 5));

    public static Arbitrary<CorruptPlate> CorruptPlates() => Gen.OneOf(
            // I or O anywhere after the province.
            from text in OrdinaryText
            from position in Gen.Choose(1, 6)
            from letter in Of("IO")
            select new CorruptPlate(Replace(text, position, letter), "I/O letter"),
            // One character short, or two too many: no plate kind has 6 or 9 characters.
            OrdinaryText.Select(t => new CorruptPlate(t[..6], "too short")),
            Gen.Zip(OrdinaryText, Chars(Digits, 2)).Select(t => new CorruptPlate(t.Item1 + t.Item2, "too long")),
            // A first character that is not one of the 31 province abbreviations.
            Gen.Zip(OrdinaryText, Of("台港澳中甲乙丙北上广AB1")).Select(t =>
                new CorruptPlate(t.Item2 + t.Item1[1..], "unknown province")),
            // 8 characters whose D/F-class letter sits neither 3rd nor last.
            from text in Concat(One(PlateProvinces.All), One(Letters), Chars(Digits, 6))
            from position in Gen.Choose(3, 6)
            from letter in Of(NevClass)
            select new CorruptPlate(Replace(text, position, letter), "bad NEV position"))
        .ToArbitrary();

    private static string Replace(string text, int position, char c) =>
        string.Concat(text.AsSpan(0, position), c.ToString(), text.AsSpan(position + 1));

    public static Gen<VinSample> VinGen { get; } =
        Chars(VinOracle.Alphabet, 17).Select(s => new VinSample(VinOracle.WithCheckDigit(s)));

    public static Arbitrary<VinSample> VinSamples() => VinGen.ToArbitrary();

    public static Arbitrary<VinEdit> VinEdits() =>
        (from vin in VinGen
         from position in Gen.Choose(0, 16)
         from replacement in Of(VinOracle.Alphabet + "IOQ*é ")
         where vin.Value[position] != replacement
         select new VinEdit(vin.Value, position, replacement))
        .ToArbitrary();

    private const string EventIdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";

    // Ids may be Chinese; no whitespace, '/', or control characters.
    private const string IdChars = "ABCDEFGHJKLMNPQRSTUVWXYZabcxyz0123456789-_.厂门东西南北一号#";

    private static readonly Gen<VehicleType?> VehicleTypeGen = Gen.OneOf(
        Gen.Constant<VehicleType?>(null),
        Gen.Elements(VehicleType.Named.ToArray()).Select(v => (VehicleType?)v),
        Concat(One("BGHKMNQTXZ"), Chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 2)).Select(s => (VehicleType?)VehicleType.Parse(s)));

    private static readonly Gen<double?> ConfidenceGen = Gen.OneOf(
        Gen.Constant<double?>(null),
        Gen.Elements<double?>(0.0, 1.0, 0.5, 0.97),
        Gen.Choose(0, int.MaxValue).Select(i => (double?)(i / (double)int.MaxValue)));

    private static readonly Gen<DateTimeOffset> PassTimeGen =
        from seconds in Gen.Choose(-400 * 24 * 3600, 23 * 3600)
        from ticks in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 9_999_999))
        from offsetHours in Gen.Elements(-5, 0, 8, 9, 14)
        select Now.AddSeconds(seconds).AddTicks(ticks).ToOffset(TimeSpan.FromHours(offsetHours));

    private static readonly Gen<IReadOnlyList<string>> PicturesGen =
        Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Chars("0123456789abcdef", 64).Select(h => "sha256:" + h), n))
            .Select(a => (IReadOnlyList<string>)a);

    public static Gen<GateEvent> EventGen { get; } =
        from eventId in Chars(EventIdChars, 1, 64)
        from enterprise in Chars(IdChars, 1, 32)
        from gate in Chars(IdChars, 1, 32)
        from lane in Chars(IdChars, 1, 32)
        from direction in Gen.Elements(Direction.In, Direction.Out)
        from passTime in PassTimeGen
        from plate in PlateGen
        from color in Gen.Elements(PlateColor.All.ToArray())
        from confidence in ConfidenceGen
        from vehicleType in VehicleTypeGen
        from deviceId in Gen.OneOf(Gen.Constant<string?>(null), Chars(IdChars, 1, 64).Select(s => (string?)s))
        from pictures in PicturesGen
        select new GateEvent(eventId, enterprise, gate, lane, direction, passTime, PlateNumber.Parse(plate.Text), color,
            confidence, vehicleType, deviceId, pictures);

    public static Arbitrary<GateEvent> GateEvents() => EventGen.ToArbitrary();
}
