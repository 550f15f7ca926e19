namespace DataPlatform.Gate;

/// <summary>Codes and names of <see cref="FuelType"/>.</summary>
public static class FuelTypeCodes
{
    private static readonly CodeTable<FuelType> Table = new(
        "fuel type",
        (FuelType.Gasoline, "A", "汽油", []),
        (FuelType.Diesel, "B", "柴油", []),
        (FuelType.Electric, "C", "电", ["电动", "纯电动"]),
        (FuelType.MixedOil, "D", "混合油", []),
        (FuelType.NaturalGas, "E", "天然气", ["CNG", "LNG"]),
        (FuelType.Lpg, "F", "液化石油气", ["LPG"]),
        (FuelType.GasolineLpg, "H", "汽液双燃料", []),
        (FuelType.DieselNaturalGas, "J", "柴天双燃料", []),
        (FuelType.DieselLpg, "K", "柴液双燃料", []),
        (FuelType.Methanol, "L", "甲醇", []),
        (FuelType.Ethanol, "M", "乙醇", []),
        (FuelType.Solar, "N", "太阳能", []),
        (FuelType.Hybrid, "O", "混合动力", []),
        (FuelType.Hydrogen, "P", "氢", ["氢燃料", "氢气"]),
        (FuelType.Biofuel, "Q", "生物燃料", []),
        (FuelType.None, "Y", "无", []),
        (FuelType.Other, "Z", "其他", ["其它"]));

    extension(FuelType fuel)
    {
        public string Code => Table.Code(fuel);

        public string ChineseName => Table.ChineseName(fuel);

        /// <summary>H, J, K: seen on provincial platforms, not in GA 24.9 itself; a strict regulator profile may
        /// need to map them.</summary>
        public bool IsLocalExtension => fuel is FuelType.GasolineLpg or FuelType.DieselNaturalGas or FuelType.DieselLpg;
    }

    extension(FuelType)
    {
        public static IReadOnlyList<FuelType> All => Table.Values;

        public static bool TryParse(string? text, out FuelType value, out string reason) =>
            Table.TryParse(text, out value, out reason);
    }
}
