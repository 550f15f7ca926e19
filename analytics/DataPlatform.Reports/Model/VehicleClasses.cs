using DataPlatform.Gate;

namespace DataPlatform.Reports.Model;

/// <summary>The classes a report groups vehicles in: emission-stage groups (新能源, 国六, 国五, 国四, 国三及以下,
/// 未知) and GA 24.9 fuels, always in the same order so charts and tables line up month after month.</summary>
public static class VehicleClasses
{
    public static IReadOnlyList<(string Code, string Name)> StageGroups { get; } =
    [
        ("D", "新能源"), ("6", "国六"), ("5", "国五"), ("4", "国四"), ("0-3", "国三及以下"), ("?", "未知"),
    ];

    /// <summary>The stage group of a register's stage code; an empty or unknown code is 未知.</summary>
    public static string StageGroup(string stageCode)
    {
        if (!EmissionStage.TryParse(stageCode, out var stage, out _)) return "?";
        return stage.UploadStage switch
        {
            EmissionStage.Electric => "D",
            EmissionStage.Guo6 => "6",
            EmissionStage.Guo5 => "5",
            EmissionStage.Guo4 => "4",
            EmissionStage.None => "?",
            _ => "0-3",
        };
    }

    /// <summary>国六 or new energy: the stages every rating rule set counts as compliant for heavy trucks.</summary>
    public static bool IsGuo6OrNev(string stageCode) => StageGroup(stageCode) is "D" or "6";

    /// <summary>The fuel's Chinese name, or 未知 for an empty or unknown code.</summary>
    public static string FuelName(string fuelCode) =>
        FuelType.TryParse(fuelCode, out var fuel, out _) ? fuel.ChineseName : "未知";

    /// <summary>Counts by class in <paramref name="order"/>, then any class not in it by name; shares of the total.</summary>
    public static List<ShareRow> Shares(IEnumerable<(string Code, long Count)> counts, IReadOnlyList<(string Code, string Name)> order)
    {
        var byCode = counts.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var total = byCode.Values.Sum();
        return order.Select(o => (o.Code, o.Name, Count: byCode.GetValueOrDefault(o.Code)))
            .Select(o => new ShareRow(o.Code, o.Name, o.Count, total == 0 ? 0 : (double)o.Count / total))
            .ToList();
    }
}
