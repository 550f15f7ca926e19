namespace DataPlatform.Gate;

/// <summary>What the plate grammar says about a vehicle, before any register is consulted.</summary>
public enum PlateKind
{
    /// <summary>Province + letter + 5 characters (blue, yellow, black, white plates).</summary>
    Ordinary = 1,

    /// <summary>Province + letter + D/F-class letter + 5 (沪AD12345).</summary>
    SmallNewEnergy = 2,

    /// <summary>Province + letter + 5 digits + D/F-class letter (粤B12345D).</summary>
    LargeNewEnergy = 3,

    /// <summary>Ends in 挂.</summary>
    Trailer = 4,

    /// <summary>Ends in 学 警 领 使 港 澳, or an embassy plate 使 + 6 digits; see <see cref="PlateNumber.Suffix"/>.</summary>
    Special = 5,

    /// <summary>应急救援专用号牌: province + team letter + 4 + 应急.</summary>
    Emergency = 6,
}
