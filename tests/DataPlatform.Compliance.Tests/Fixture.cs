using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

/// <summary>Real-looking data of a Tangshan steel plant under an orange alert.</summary>
internal static class Fixture
{
    public const string Enterprise = "E1302001";
    public const string OtherEnterprise = "E1302999";
    public const string OrangePolicyId = "TS-20261128-orange";

    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Inside the orange alert window.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 15, 30, China);

    public static PlateNumber P(string text) => PlateNumber.Parse(text);

    public static VehicleKey Key(string plate, PlateColor color = PlateColor.Yellow) => new(P(plate), color);

    /// <summary>Puts the right ISO 3779 check digit at position 9.</summary>
    public static string MakeVin(string seventeen) =>
        string.Concat(seventeen.AsSpan(0, 8), Vin.ComputeCheckDigit(seventeen).ToString(), seventeen.AsSpan(9));

    public static RegisteredVehicle Truck(
        string plate,
        EmissionStage stage,
        PlateColor color = PlateColor.Yellow,
        string type = "H11",
        FuelType fuel = FuelType.Diesel,
        UseNature use = UseNature.Freight,
        VehicleFlags flags = VehicleFlags.None,
        string? epc = null) =>
        new(P(plate), color, MakeVin("LFWSRXRJ0B1A" + (plate.Sum(c => (int)c) % 100000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture)),
            VehicleType.Parse(type), fuel, stage, use, ObdOnline: true, "唐山顺达物流有限公司", flags, null, epc);

    public static readonly RegisteredVehicle Guo4Truck = Truck("冀B12345", EmissionStage.Guo4);
    public static readonly RegisteredVehicle Guo6Truck = Truck("冀B67890", EmissionStage.Guo6b);
    public static readonly RegisteredVehicle ElectricTruck =
        Truck("冀B12345D", EmissionStage.Electric, PlateColor.YellowGreen, fuel: FuelType.Electric);
    public static readonly RegisteredVehicle LivelihoodTruck =
        Truck("冀B88888", EmissionStage.Guo3, flags: VehicleFlags.Livelihood);
    public static readonly RegisteredVehicle HazmatTanker =
        Truck("冀EW1234", EmissionStage.Guo5, type: "H14", use: UseNature.DangerousGoods);
    public static readonly RegisteredVehicle LightVan = Truck("冀B55555", EmissionStage.Guo4, PlateColor.Blue, type: "H31");

    public static VehicleRegistry Registry { get; } =
        VehicleRegistry.Create([Guo4Truck, Guo6Truck, ElectricTruck, LivelihoodTruck, HazmatTanker, LightVan]);

    public static EmergencyPolicy OrangePolicy(
        string id = OrangePolicyId,
        string enterprise = Enterprise,
        PolicyScope scope = PolicyScope.HeavyTruck,
        EmissionStage minimum = EmissionStage.Guo5,
        bool nevOnly = false,
        ExemptionKinds exemptions = ExemptionKinds.All,
        PolicyAction action = PolicyAction.Deny,
        IReadOnlySet<VehicleKey>? whitelist = null,
        bool requiresDeclaredAlert = false,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null) =>
        new(id, enterprise, AlertLevel.Orange, from ?? new DateTimeOffset(2026, 11, 28, 0, 0, 0, China),
            to ?? new DateTimeOffset(2026, 11, 30, 0, 0, 0, China), scope, minimum, nevOnly, exemptions,
            whitelist ?? new HashSet<VehicleKey>(), action, "禁止国四及以下重型柴油货车进入", requiresDeclaredAlert);

    public static PolicySet PolicySetOf(params PolicyCommand[] commands) => PolicySet.From(commands);

    public static PolicySet OrangePolicies { get; } = PolicySetOf(new AddPolicy(OrangePolicy(), Now.AddHours(-12)));

    public static GateEvent Entry(
        string plate,
        PlateColor color = PlateColor.Yellow,
        string? type = "H11",
        string enterprise = Enterprise,
        DateTimeOffset? at = null,
        Direction direction = Direction.In,
        string eventId = "cam01-000123") =>
        new(eventId, enterprise, "G01", "L1", direction, at ?? Now, P(plate), color, 0.97,
            type is null ? null : VehicleType.Parse(type), "cam-01", []);
}
