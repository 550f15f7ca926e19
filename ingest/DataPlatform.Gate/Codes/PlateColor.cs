namespace DataPlatform.Gate;

/// <summary>号牌颜色, the platform's own enum. There is no national code; the two numbering conventions in use
/// are mapped by <see cref="PlateColorCodes"/> and chosen per regulator profile.</summary>
public enum PlateColor
{
    /// <summary>未确定: the camera could not tell.</summary>
    Unknown = 0,
    Blue = 1,
    Yellow = 2,
    Black = 3,
    White = 4,

    /// <summary>渐变绿, small new-energy plates.</summary>
    Green = 5,

    /// <summary>黄绿双拼, large new-energy plates.</summary>
    YellowGreen = 6,

    /// <summary>蓝白渐变.</summary>
    BlueWhite = 7,
}
