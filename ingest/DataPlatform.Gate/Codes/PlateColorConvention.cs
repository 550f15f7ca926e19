namespace DataPlatform.Gate;

/// <summary>The two numeric plate-colour conventions found in regulator and camera APIs.</summary>
public enum PlateColorConvention
{
    /// <summary>ETC / JT/T 697.7 style: 0 蓝, 1 黄, 2 黑, 3 白, 4 渐变绿, 5 黄绿双拼, 6 蓝白渐变, 9 未确定.</summary>
    Jtt697 = 1,

    /// <summary>The other style: 1 蓝, 2 黄, 3 白, 4 黑, 5 绿, −1 未知. It has one green and no 蓝白渐变, so
    /// 黄绿双拼 maps to 5 and 蓝白渐变 to −1, and 5 reads back as <see cref="PlateColor.Green"/>.</summary>
    Alternate = 2,
}
