namespace DataPlatform.Gate;

/// <summary>Codes (English slugs, [P]) and names of <see cref="NonRoadMachineryKind"/>.</summary>
public static class NonRoadMachineryKindCodes
{
    private static readonly CodeTable<NonRoadMachineryKind> Table = new(
        "non-road machinery kind",
        (NonRoadMachineryKind.Excavator, "excavator", "挖掘机", []),
        (NonRoadMachineryKind.Loader, "loader", "装载机", []),
        (NonRoadMachineryKind.Bulldozer, "bulldozer", "推土机", []),
        (NonRoadMachineryKind.Roller, "roller", "压路机", []),
        (NonRoadMachineryKind.Paver, "paver", "摊铺机", []),
        (NonRoadMachineryKind.Grader, "grader", "平地机", []),
        (NonRoadMachineryKind.Forklift, "forklift", "叉车", []),
        (NonRoadMachineryKind.Crane, "crane", "起重机", []),
        (NonRoadMachineryKind.PileDriver, "pile_driver", "桩工机械", []),
        (NonRoadMachineryKind.PortMachinery, "port_machinery", "港作机械", []),
        (NonRoadMachineryKind.Tractor, "tractor", "牵引车", []),
        (NonRoadMachineryKind.Other, "other", "其他", ["其它"]));

    extension(NonRoadMachineryKind kind)
    {
        public string Code => Table.Code(kind);

        public string ChineseName => Table.ChineseName(kind);
    }

    extension(NonRoadMachineryKind)
    {
        public static IReadOnlyList<NonRoadMachineryKind> All => Table.Values;

        public static bool TryParse(string? text, out NonRoadMachineryKind value, out string reason) =>
            Table.TryParse(text, out value, out reason);
    }
}
