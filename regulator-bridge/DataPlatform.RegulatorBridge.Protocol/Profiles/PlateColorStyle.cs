namespace DataPlatform.RegulatorBridge.Profiles;

/// <summary>How a profile writes the plate colour (spec §2.4: no national code).</summary>
public enum PlateColorStyle
{
    /// <summary>JT/T 697.7 numbers: 0 蓝 … 9 未确定. Lossless.</summary>
    Jtt697Number = 1,

    /// <summary>1 蓝, 2 黄, 3 白, 4 黑, 5 绿, −1 未知. Lossy: 黄绿双拼 reads back as 绿, 蓝白渐变 as 未知.</summary>
    AlternateNumber = 2,

    /// <summary>The Chinese name: 蓝, 黄, 渐变绿 … Lossless.</summary>
    ChineseName = 3,

    /// <summary>This platform's English wire name: blue, yellow … Lossless.</summary>
    EnglishCode = 4,
}
