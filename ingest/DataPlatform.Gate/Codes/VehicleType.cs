using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.Gate;

/// <summary>车辆类型, a GA 24.4 code such as H11. An open set: any well-formed code of a listed family parses,
/// because the standard has more codes than the ones named here and a gate must not drop a passage for that.</summary>
public readonly record struct VehicleType
{
    private readonly string? _code;

    private VehicleType(string code) => _code = code;

    /// <summary>The 3-character (rarely 2) code, "" for <c>default</c>.</summary>
    public string Code => _code ?? "";

    /// <summary>The family letter: H truck, Q tractor, B semi-trailer, G full trailer, K bus, Z special-purpose,
    /// N three-wheeler, M motorcycle, T tractor (farm), X other.</summary>
    public char Family => Code.Length > 0 ? Code[0] : '\0';

    /// <summary>The specific name when known (H11 重型普通货车), else the family's (H3x 轻型货车).</summary>
    public string ChineseName => VehicleTypeNames.NameOf(Code);

    /// <summary>重型载货车 for statistics: H1x and Q1x.</summary>
    public bool IsHeavyGoodsVehicle => Code.Length >= 2 && Code[0] is 'H' or 'Q' && Code[1] == '1';

    /// <summary>Accepts a code (case- and width-insensitive) or one of the specific Chinese names.</summary>
    public static bool TryParse(string? text, out VehicleType value, out string reason)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "vehicle type is empty";
            return false;
        }
        var key = TextFold.Key(text);
        if (VehicleTypeNames.TryCodeOf(key, out var named))
        {
            value = new VehicleType(named);
            reason = "";
            return true;
        }
        if (!IsWellFormed(key))
        {
            reason = $"vehicle type '{TextFold.Clip(text)}' is not a GA 24.4 code ([A-Z][0-9A-Z]{{1,2}})";
            return false;
        }
        if (!VehicleTypeNames.IsKnownFamily(key[0]))
        {
            reason = $"vehicle type '{key}' is not in a known GA 24.4 family (B G H K M N Q T X Z)";
            return false;
        }
        value = new VehicleType(key);
        reason = "";
        return true;
    }

    public static bool TryParse(string? text, out VehicleType value) => TryParse(text, out value, out _);

    /// <exception cref="FormatException">not a vehicle type.</exception>
    public static VehicleType Parse(string text) =>
        TryParse(text, out var value, out var reason) ? value : throw new FormatException(reason);

    /// <summary>Every code that has a specific Chinese name.</summary>
    public static IReadOnlyList<VehicleType> Named { get; } =
        [.. VehicleTypeNames.NamedCodes.Select(code => new VehicleType(code))];

    public override string ToString() => Code;

    private static bool IsWellFormed([NotNullWhen(true)] string? key) =>
        key is { Length: 2 or 3 } && key[0] is >= 'A' and <= 'Z' && key.AsSpan(1).IndexOfAnyExcept(AlphaNumeric) < 0;

    private static readonly System.Buffers.SearchValues<char> AlphaNumeric =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
}
