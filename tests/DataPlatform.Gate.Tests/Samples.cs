using DataPlatform.Gate;

namespace DataPlatform.Gate.Tests;

/// <summary>A plate the generator built to be valid, with what the parser should say about it.</summary>
public sealed record PlateSample(string Text, PlateKind Kind, string Province, string Suffix)
{
    public override string ToString() => Text;
}

/// <summary>A valid plate written the way a camera or a person might: full-width, lower case, separators.</summary>
public sealed record NoisyPlate(PlateSample Plate, string Raw)
{
    public override string ToString() => $"{Raw} (from {Plate.Text})";
}

/// <summary>A string built to break exactly one plate rule.</summary>
public sealed record CorruptPlate(string Raw, string Defect)
{
    public override string ToString() => $"{Raw} ({Defect})";
}

public sealed record VinSample(string Value)
{
    public override string ToString() => Value;
}

/// <summary>One valid VIN with one character replaced.</summary>
public sealed record VinEdit(string Original, int Position, char Replacement)
{
    public string Edited => string.Concat(Original.AsSpan(0, Position), Replacement.ToString(), Original.AsSpan(Position + 1));

    public override string ToString() => $"{Original} [{Position + 1}]={Replacement} -> {Edited}";
}
