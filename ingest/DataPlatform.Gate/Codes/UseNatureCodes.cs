namespace DataPlatform.Gate;

/// <summary>Codes and names of <see cref="UseNature"/>.</summary>
public static class UseNatureCodes
{
    private static readonly CodeTable<UseNature> Table = new(
        "use nature",
        (UseNature.NonOperating, "A", "非营运", []),
        (UseNature.HighwayPassenger, "B", "公路客运", []),
        (UseNature.PublicTransit, "C", "公交客运", []),
        (UseNature.Taxi, "D", "出租客运", []),
        (UseNature.Tourism, "E", "旅游客运", []),
        (UseNature.Freight, "F", "货运", []),
        (UseNature.Rental, "G", "租赁", []),
        (UseNature.Police, "H", "警用", []),
        (UseNature.FireFighting, "I", "消防", []),
        (UseNature.Ambulance, "J", "救护", []),
        (UseNature.EngineeringRescue, "K", "工程抢险", []),
        (UseNature.OperatingToNonOperating, "L", "营转非", []),
        (UseNature.TaxiToNonOperating, "M", "出租转非", []),
        (UseNature.DrivingSchool, "N", "教练", []),
        (UseNature.KindergartenBus, "O", "幼儿校车", []),
        (UseNature.PrimarySchoolBus, "P", "小学生校车", []),
        (UseNature.JuniorHighSchoolBus, "Q", "初中生校车", []),
        (UseNature.DangerousGoods, "R", "危险品运输", ["危化品运输", "危险货物运输"]),
        (UseNature.SchoolBus, "S", "中小学生校车", []),
        (UseNature.Other, "Z", "其他", ["其它"]));

    extension(UseNature nature)
    {
        public string Code => Table.Code(nature);

        public string ChineseName => Table.ChineseName(nature);

        /// <summary>危化品车辆 (R).</summary>
        public bool IsHazmat => nature == UseNature.DangerousGoods;
    }

    extension(UseNature)
    {
        public static IReadOnlyList<UseNature> All => Table.Values;

        public static bool TryParse(string? text, out UseNature value, out string reason) =>
            Table.TryParse(text, out value, out reason);
    }
}
