namespace DataPlatform.Gate;

/// <summary>Codes (English colour, [P]), names and response levels of <see cref="AlertLevel"/>.</summary>
public static class AlertLevelCodes
{
    private static readonly CodeTable<AlertLevel> Table = new(
        "alert level",
        (AlertLevel.Blue, "blue", "蓝色", ["蓝", "蓝色预警", "IV级", "Ⅳ级", "IV", "Ⅳ"]),
        (AlertLevel.Yellow, "yellow", "黄色", ["黄", "黄色预警", "III级", "Ⅲ级", "III", "Ⅲ"]),
        (AlertLevel.Orange, "orange", "橙色", ["橙", "橙色预警", "II级", "Ⅱ级", "II", "Ⅱ"]),
        (AlertLevel.Red, "red", "红色", ["红", "红色预警", "I级", "Ⅰ级", "I", "Ⅰ"]));

    extension(AlertLevel level)
    {
        public string Code => Table.Code(level);

        public string ChineseName => Table.ChineseName(level);

        /// <summary>响应级别 as a number: red 1, orange 2, yellow 3. Blue has no national response level;
        /// this platform treats it as 4 (IV级), as the cities that use it do.</summary>
        public int ResponseLevel => 5 - (int)level;

        /// <summary>I级 … IV级.</summary>
        public string ResponseLevelName => level switch
        {
            AlertLevel.Red => "I级",
            AlertLevel.Orange => "II级",
            AlertLevel.Yellow => "III级",
            AlertLevel.Blue => "IV级",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a defined alert level"),
        };
    }

    extension(AlertLevel)
    {
        public static IReadOnlyList<AlertLevel> All => Table.Values;

        /// <summary>Accepts the colour (red, 红, 红色) or the response level (I级, Ⅰ级, I).</summary>
        public static bool TryParse(string? text, out AlertLevel value, out string reason) =>
            Table.TryParse(text, out value, out reason);

        public static bool TryFromResponseLevel(int responseLevel, out AlertLevel value)
        {
            value = (AlertLevel)(5 - responseLevel);
            return responseLevel is >= 1 and <= 4;
        }
    }
}
