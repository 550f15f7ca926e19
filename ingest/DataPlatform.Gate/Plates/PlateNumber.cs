using System.Diagnostics.CodeAnalysis;

namespace DataPlatform.Gate;

/// <summary>A plate number that passed <see cref="PlateParser"/>. Only the parser creates one, so holding a
/// <see cref="PlateNumber"/> means the text is normalised and well-formed.</summary>
public sealed record PlateNumber
{
    internal PlateNumber(string text, string province, PlateKind kind, string suffix)
    {
        Text = text;
        Province = province;
        Kind = kind;
        Suffix = suffix;
    }

    /// <summary>The normalised plate, e.g. 冀B12345: half-width, upper case, no separators.</summary>
    public string Text { get; }

    /// <summary>The province abbreviation (冀); "" for embassy plates that start with 使.</summary>
    public string Province { get; }

    public PlateKind Kind { get; }

    /// <summary>挂 学 警 领 使 港 澳 or 应急 when the kind carries one; otherwise "".</summary>
    public string Suffix { get; }

    public bool IsNewEnergy => Kind is PlateKind.SmallNewEnergy or PlateKind.LargeNewEnergy;

    /// <exception cref="FormatException">not a valid plate; the message is the parser's reason.</exception>
    public static PlateNumber Parse(string raw) =>
        PlateParser.TryParse(raw, out var plate, out var reason) ? plate : throw new FormatException(reason);

    public static bool TryParse(string? raw, [NotNullWhen(true)] out PlateNumber? plate, out string reason) =>
        PlateParser.TryParse(raw, out plate, out reason);

    public override string ToString() => Text;
}
