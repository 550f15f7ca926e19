namespace DataPlatform.Gate;

/// <summary>Names and numbers of <see cref="PlateColor"/>. <c>Code</c> is the lower-case English name used on the
/// platform's own JSON wire.</summary>
public static class PlateColorCodes
{
    private static readonly CodeTable<PlateColor> Table = new(
        "plate colour",
        (PlateColor.Blue, "blue", "蓝", ["蓝色", "蓝牌"]),
        (PlateColor.Yellow, "yellow", "黄", ["黄色", "黄牌"]),
        (PlateColor.Black, "black", "黑", ["黑色", "黑牌"]),
        (PlateColor.White, "white", "白", ["白色", "白牌"]),
        (PlateColor.Green, "green", "渐变绿", ["渐变绿色", "绿", "绿色", "绿牌"]),
        (PlateColor.YellowGreen, "yellowgreen", "黄绿双拼", ["黄绿", "黄绿色", "yellow-green", "yellow_green"]),
        (PlateColor.BlueWhite, "bluewhite", "蓝白渐变", ["蓝白", "blue-white", "blue_white"]),
        (PlateColor.Unknown, "unknown", "未确定", ["未知", "未识别", "其他", "其它"]));

    extension(PlateColor color)
    {
        /// <summary>The English wire name: blue yellow black white green yellowgreen bluewhite unknown.</summary>
        public string Code => Table.Code(color);

        public string ChineseName => Table.ChineseName(color);

        /// <summary>The number of this colour in <paramref name="convention"/>; lossy for
        /// <see cref="PlateColorConvention.Alternate"/> (see there).</summary>
        public int ToNumber(PlateColorConvention convention) => (convention, color) switch
        {
            (PlateColorConvention.Jtt697, PlateColor.Blue) => 0,
            (PlateColorConvention.Jtt697, PlateColor.Yellow) => 1,
            (PlateColorConvention.Jtt697, PlateColor.Black) => 2,
            (PlateColorConvention.Jtt697, PlateColor.White) => 3,
            (PlateColorConvention.Jtt697, PlateColor.Green) => 4,
            (PlateColorConvention.Jtt697, PlateColor.YellowGreen) => 5,
            (PlateColorConvention.Jtt697, PlateColor.BlueWhite) => 6,
            (PlateColorConvention.Jtt697, PlateColor.Unknown) => 9,
            (PlateColorConvention.Alternate, PlateColor.Blue) => 1,
            (PlateColorConvention.Alternate, PlateColor.Yellow) => 2,
            (PlateColorConvention.Alternate, PlateColor.White) => 3,
            (PlateColorConvention.Alternate, PlateColor.Black) => 4,
            (PlateColorConvention.Alternate, PlateColor.Green or PlateColor.YellowGreen) => 5,
            (PlateColorConvention.Alternate, PlateColor.BlueWhite or PlateColor.Unknown) => -1,
            _ => throw new ArgumentOutOfRangeException(nameof(color), $"{color} in {convention}"),
        };
    }

    /// <summary>The English wire name; same as <c>Code</c>.</summary>
    public static string ToWireName(this PlateColor color) => Table.Code(color);

    extension(PlateColor)
    {
        public static IReadOnlyList<PlateColor> All => Table.Values;

        /// <summary>Accepts the English wire name, the Chinese name (蓝 or 蓝色 …), case- and width-insensitively.
        /// Numbers are not accepted here: they mean different colours in different conventions.</summary>
        public static bool TryParse(string? text, out PlateColor value, out string reason) =>
            Table.TryParse(text, out value, out reason);

        public static bool TryFromNumber(int number, PlateColorConvention convention, out PlateColor value)
        {
            PlateColor? found = (convention, number) switch
            {
                (PlateColorConvention.Jtt697, 0) => PlateColor.Blue,
                (PlateColorConvention.Jtt697, 1) => PlateColor.Yellow,
                (PlateColorConvention.Jtt697, 2) => PlateColor.Black,
                (PlateColorConvention.Jtt697, 3) => PlateColor.White,
                (PlateColorConvention.Jtt697, 4) => PlateColor.Green,
                (PlateColorConvention.Jtt697, 5) => PlateColor.YellowGreen,
                (PlateColorConvention.Jtt697, 6) => PlateColor.BlueWhite,
                (PlateColorConvention.Jtt697, 9) => PlateColor.Unknown,
                (PlateColorConvention.Alternate, 1) => PlateColor.Blue,
                (PlateColorConvention.Alternate, 2) => PlateColor.Yellow,
                (PlateColorConvention.Alternate, 3) => PlateColor.White,
                (PlateColorConvention.Alternate, 4) => PlateColor.Black,
                (PlateColorConvention.Alternate, 5) => PlateColor.Green,
                (PlateColorConvention.Alternate, -1) => PlateColor.Unknown,
                _ => null,
            };
            value = found ?? PlateColor.Unknown;
            return found is not null;
        }
    }
}
