using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.Gate;

/// <summary>The civil plate grammar of GA 36 as the gate sees it (spec §2.1). Input is normalised first, so
/// "冀b·1234挂" and "冀B1234挂" are the same plate.</summary>
public static class PlateParser
{
    private const string SpecialSuffixes = "学警领使港澳";

    // Small NEV plates began with D (battery) / F (other); as numbers ran out, A B C E joined D and G H J K
    // joined F, and public validators accept the wider class at both NEV positions.
    private const string NewEnergyClassLetters = "DABCEFGHJK";

    public static bool TryParse(string? raw, [NotNullWhen(true)] out PlateNumber? plate, out string reason)
    {
        plate = null;
        var s = PlateNormalizer.Normalize(raw);
        if (s.Length == 0)
            return Fail("plate is empty", out reason);
        if (s.Length > 10)
            return Fail($"plate '{TextFold.Clip(s)}' is too long ({s.Length} characters, at most 8)", out reason);

        if (s[0] == '使')
            return TryEmbassy(s, out plate, out reason);
        if (!PlateProvinces.IsProvince(s[0]))
            return Fail($"plate '{s}' does not start with a mainland province abbreviation (found '{s[0]}')", out reason);
        if (s.Length < 2 || !IsLetter(s[1]))
            return Fail(s.Length >= 2 && s[1] is 'I' or 'O'
                ? $"plate '{s}': letters I and O are never used on plates (position 2)"
                : $"plate '{s}': the 2nd character must be a letter A-Z other than I and O", out reason);

        if (s.EndsWith("应急", StringComparison.Ordinal))
            return TryEmergency(s, out plate, out reason);

        return s.Length switch
        {
            7 => TryFiveCharacterSerial(s, out plate, out reason),
            8 => TryNewEnergy(s, out plate, out reason),
            _ => Fail($"plate '{s}' has {s.Length} characters; expected 7 (ordinary) or 8 (new-energy, 应急)", out reason),
        };
    }

    private static bool TryFiveCharacterSerial(string s, [NotNullWhen(true)] out PlateNumber? plate, out string reason)
    {
        plate = null;
        for (var i = 2; i < 6; i++)
            if (!IsSerialChar(s[i]))
                return Fail(BadSerial(s, i), out reason);
        var last = s[6];
        if (IsSerialChar(last))
            return Ok(new PlateNumber(s, s[..1], PlateKind.Ordinary, ""), out plate, out reason);
        if (last == '挂')
            return Ok(new PlateNumber(s, s[..1], PlateKind.Trailer, "挂"), out plate, out reason);
        if (SpecialSuffixes.Contains(last, StringComparison.Ordinal))
            return Ok(new PlateNumber(s, s[..1], PlateKind.Special, last.ToString()), out plate, out reason);
        return Fail($"plate '{s}': the last character must be a letter, a digit, 挂 or one of {SpecialSuffixes}", out reason);
    }

    private static bool TryNewEnergy(string s, [NotNullWhen(true)] out PlateNumber? plate, out string reason)
    {
        plate = null;
        if (IsNewEnergyClass(s[2]) && IsSerialChar(s[3]) && AllDigits(s.AsSpan(4, 4)))
            return Ok(new PlateNumber(s, s[..1], PlateKind.SmallNewEnergy, ""), out plate, out reason);
        if (AllDigits(s.AsSpan(2, 5)) && IsNewEnergyClass(s[7]))
            return Ok(new PlateNumber(s, s[..1], PlateKind.LargeNewEnergy, ""), out plate, out reason);
        var hasIo = s.AsSpan(2).IndexOfAny('I', 'O') >= 0;
        return Fail(hasIo
            ? $"plate '{s}': letters I and O are never used on plates"
            : $"plate '{s}' is not a new-energy plate: small ones have a D/F-class letter 3rd then a letter or digit " +
              "and 4 digits, large ones 5 digits then a D/F-class letter", out reason);
    }

    private static bool TryEmergency(string s, [NotNullWhen(true)] out PlateNumber? plate, out string reason)
    {
        plate = null;
        if (s.Length != 8)
            return Fail($"应急 plate '{s}' must be province + letter + 4 characters + 应急", out reason);
        for (var i = 2; i < 6; i++)
            if (!IsSerialChar(s[i]))
                return Fail(BadSerial(s, i), out reason);
        return Ok(new PlateNumber(s, s[..1], PlateKind.Emergency, "应急"), out plate, out reason);
    }

    // Embassy plates are 使 + 3-digit mission code + 3-digit serial; consulates use the ordinary grammar + 领.
    private static bool TryEmbassy(string s, [NotNullWhen(true)] out PlateNumber? plate, out string reason)
    {
        plate = null;
        if (s.Length != 7 || !AllDigits(s.AsSpan(1)))
            return Fail($"embassy plate '{s}' must be 使 followed by 6 digits", out reason);
        return Ok(new PlateNumber(s, "", PlateKind.Special, "使"), out plate, out reason);
    }

    private static string BadSerial(string s, int i) => s[i] is 'I' or 'O'
        ? $"plate '{s}': letters I and O are never used on plates (position {i + 1})"
        : $"plate '{s}': character '{s[i]}' at position {i + 1} must be a letter (not I/O) or a digit";

    private static bool IsLetter(char c) => c is >= 'A' and <= 'Z' and not 'I' and not 'O';

    private static bool IsSerialChar(char c) => IsLetter(c) || char.IsAsciiDigit(c);

    private static bool IsNewEnergyClass(char c) => NewEnergyClassLetters.Contains(c, StringComparison.Ordinal);

    private static bool AllDigits(ReadOnlySpan<char> span) => !span.IsEmpty && span.IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool Ok(PlateNumber value, [NotNullWhen(true)] out PlateNumber? plate, out string reason)
    {
        plate = value;
        reason = "";
        return true;
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
