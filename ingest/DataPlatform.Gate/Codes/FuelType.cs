namespace DataPlatform.Gate;

/// <summary>燃料类型 (GA 24.9). Each value is its one-letter code, so <c>(char)fuel</c> is the code.</summary>
public enum FuelType
{
    Gasoline = 'A',
    Diesel = 'B',
    Electric = 'C',
    MixedOil = 'D',
    NaturalGas = 'E',
    Lpg = 'F',

    /// <summary>H 汽液双燃料, a local extension.</summary>
    GasolineLpg = 'H',

    /// <summary>J 柴天双燃料, a local extension.</summary>
    DieselNaturalGas = 'J',

    /// <summary>K 柴液双燃料, a local extension.</summary>
    DieselLpg = 'K',
    Methanol = 'L',
    Ethanol = 'M',
    Solar = 'N',
    Hybrid = 'O',
    Hydrogen = 'P',
    Biofuel = 'Q',
    None = 'Y',
    Other = 'Z',
}
