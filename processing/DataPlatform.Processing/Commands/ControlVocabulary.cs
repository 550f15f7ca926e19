using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Processing.Commands;

/// <summary>Wire names of the policy enums: English camelCase words, with the Chinese terms operators use accepted
/// on input. Enums are never written as numbers, so reordering an enum cannot change a stored command.</summary>
internal static class ControlVocabulary
{
    public static readonly IReadOnlyDictionary<PolicyScope, string> ScopeNames = new Dictionary<PolicyScope, string>
    {
        [PolicyScope.HeavyTruck] = "heavyTruck",
        [PolicyScope.InPlant] = "inPlant",
        [PolicyScope.NonRoad] = "nonRoad",
        [PolicyScope.AllRoadGoods] = "allRoadGoods",
    };

    public static readonly IReadOnlyDictionary<string, PolicyScope> Scopes = Index(ScopeNames, new()
    {
        ["重型载货车"] = PolicyScope.HeavyTruck,
        ["厂内运输车辆"] = PolicyScope.InPlant,
        ["非道路移动机械"] = PolicyScope.NonRoad,
        ["道路货运车辆"] = PolicyScope.AllRoadGoods,
    });

    public static readonly IReadOnlyDictionary<PolicyAction, string> ActionNames = new Dictionary<PolicyAction, string>
    {
        [PolicyAction.Deny] = "deny",
        [PolicyAction.AlertOnly] = "alertOnly",
    };

    public static readonly IReadOnlyDictionary<string, PolicyAction> Actions = Index(ActionNames, new()
    {
        ["禁止通行"] = PolicyAction.Deny,
        ["仅告警"] = PolicyAction.AlertOnly,
    });

    public static readonly IReadOnlyDictionary<ExemptionKinds, string> ExemptionNames = new Dictionary<ExemptionKinds, string>
    {
        [ExemptionKinds.SpecialPurpose] = "special",
        [ExemptionKinds.Hazmat] = "hazmat",
        [ExemptionKinds.Livelihood] = "livelihood",
        [ExemptionKinds.Whitelist] = "whitelist",
    };

    public static readonly IReadOnlyDictionary<string, ExemptionKinds> Exemptions = Index(ExemptionNames, new()
    {
        ["特种车辆"] = ExemptionKinds.SpecialPurpose,
        ["危险品运输车辆"] = ExemptionKinds.Hazmat,
        ["民生保障车辆"] = ExemptionKinds.Livelihood,
        ["白名单"] = ExemptionKinds.Whitelist,
    });

    public static readonly IReadOnlyDictionary<VehicleFlags, string> FlagNames = new Dictionary<VehicleFlags, string>
    {
        [VehicleFlags.SpecialPurpose] = "special",
        [VehicleFlags.Livelihood] = "livelihood",
        [VehicleFlags.InPlant] = "inPlant",
    };

    public static readonly IReadOnlyDictionary<string, VehicleFlags> Flags = Index(FlagNames, new()
    {
        ["特种车辆"] = VehicleFlags.SpecialPurpose,
        ["民生保障车辆"] = VehicleFlags.Livelihood,
        ["厂内运输车辆"] = VehicleFlags.InPlant,
    });

    private static Dictionary<string, T> Index<T>(IReadOnlyDictionary<T, string> names, Dictionary<string, T> aliases)
        where T : notnull
    {
        var index = new Dictionary<string, T>(aliases, StringComparer.OrdinalIgnoreCase);
        foreach (var (value, name) in names) index[name] = value;
        return index;
    }
}
