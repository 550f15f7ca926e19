namespace DataPlatform.Gate;

/// <summary>Codes and names of <see cref="Direction"/>.</summary>
public static class DirectionCodes
{
    private static readonly CodeTable<Direction> Table = new(
        "direction",
        (Direction.In, "1", "进厂", ["in", "进", "入厂", "入"]),
        (Direction.Out, "2", "出厂", ["out", "出"]));

    extension(Direction direction)
    {
        /// <summary>The HJ 1321 code, "1" or "2".</summary>
        public string Code => Table.Code(direction);

        public string ChineseName => Table.ChineseName(direction);
    }

    extension(Direction)
    {
        public static IReadOnlyList<Direction> All => Table.Values;

        /// <summary>Accepts the code, the Chinese name, or "in"/"out".</summary>
        public static bool TryParse(string? text, out Direction value, out string reason) =>
            Table.TryParse(text, out value, out reason);
    }
}
