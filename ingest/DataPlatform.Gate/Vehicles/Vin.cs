using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.Gate;

/// <summary>车辆识别代号: 17 characters, no I O Q, with the ISO 3779 / GB 16735 check digit at position 9
/// (mandatory for vehicles registered in China).</summary>
public sealed record Vin
{
    public const int Length = 17;

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    private Vin(string value) => Value = value;

    /// <summary>Upper case, trimmed.</summary>
    public string Value { get; }

    /// <summary>Normalises (trim, half-width, upper case) and checks length, characters and check digit.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Vin? vin, out string reason)
    {
        vin = null;
        if (string.IsNullOrWhiteSpace(text))
            return Fail("VIN is empty", out reason);
        var s = TextFold.Key(text);
        if (s.Length != Length)
            return Fail($"VIN '{TextFold.Clip(s)}' has {s.Length} characters, expected {Length}", out reason);
        for (var i = 0; i < Length; i++)
            if (!TryTransliterate(s[i], out _))
                return Fail(s[i] is 'I' or 'O' or 'Q'
                    ? $"VIN '{s}': letters I, O and Q are never used (position {i + 1})"
                    : $"VIN '{s}': character '{s[i]}' at position {i + 1} is not a digit or letter", out reason);
        var expected = ComputeCheckDigit(s);
        if (s[8] != expected)
            return Fail($"VIN '{s}': check digit (position 9) is '{s[8]}', expected '{expected}'", out reason);
        vin = new Vin(s);
        reason = "";
        return true;
    }

    /// <exception cref="FormatException">not a valid VIN.</exception>
    public static Vin Parse(string text) => TryParse(text, out var vin, out var reason) ? vin : throw new FormatException(reason);

    /// <summary>The check digit ('0'…'9' or 'X') for 17 characters; position 9 itself has weight 0 and is ignored.</summary>
    /// <exception cref="ArgumentException">wrong length or a character without a transliteration value.</exception>
    public static char ComputeCheckDigit(ReadOnlySpan<char> vin)
    {
        if (vin.Length != Length)
            throw new ArgumentException($"a VIN has {Length} characters", nameof(vin));
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            if (!TryTransliterate(vin[i], out var value))
                throw new ArgumentException($"'{vin[i]}' has no VIN value", nameof(vin));
            sum += value * Weights[i];
        }
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>The ISO 3779 value of a VIN character; false for I O Q and anything not [0-9A-Z].</summary>
    public static bool TryTransliterate(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'H' => c - 'A' + 1,
            >= 'J' and <= 'N' => c - 'J' + 1,
            'P' => 7,
            'R' => 9,
            >= 'S' and <= 'Z' => c - 'S' + 2,
            _ => -1,
        };
        return value >= 0;
    }

    public override string ToString() => Value;

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
