using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;

namespace DataPlatform.Compliance.Tests;

/// <summary>FsCheck generators for the compliance rules.</summary>
internal static class Gens
{
    public const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const string Digits = "0123456789";

    public static Gen<string> Chars(string alphabet, int count) =>
        Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), count).Select(cs => new string(cs));

    private static Gen<string> One(string alphabet) => Gen.Elements(alphabet.ToCharArray()).Select(c => c.ToString());

    /// <summary>Ordinary 7-character plates of a few provinces (a small space, so collisions happen).</summary>
    public static Gen<string> OrdinaryPlateText { get; } =
        from province in One("冀京津晋")
        from letter in One("ABE")
        from serial in Chars("0123456789BDSZ", 5)
        select province + letter + serial;

    public static Gen<string> LargeNevPlateText { get; } =
        from province in One("冀京")
        from letter in One("AB")
        from digits in Chars(Digits, 5)
        from nev in One("DF")
        select province + letter + digits + nev;

    public static Gen<PlateNumber> Plate { get; } =
        Gen.OneOf(OrdinaryPlateText, OrdinaryPlateText, LargeNevPlateText).Select(PlateNumber.Parse);

    public static Gen<PlateColor> Color { get; } = Gen.Elements(PlateColor.Yellow, PlateColor.Blue, PlateColor.YellowGreen);

    public static Gen<EmissionStage> Stage { get; } = Gen.Elements(
        EmissionStage.Guo2, EmissionStage.Guo3, EmissionStage.Guo4, EmissionStage.Guo5, EmissionStage.Guo6,
        EmissionStage.Guo6a, EmissionStage.Guo6b, EmissionStage.Electric);

    public static Gen<EmissionStage> MinimumStage { get; } = Gen.Elements(
        EmissionStage.Guo4, EmissionStage.Guo5, EmissionStage.Guo6, EmissionStage.Guo6b);

    public static Gen<VehicleType> Type { get; } =
        Gen.Elements("H11", "H14", "H17", "Q11", "H21", "H31", "Q21", "B11", "G11", "Z11", "K11").Select(VehicleType.Parse);

    public static Gen<RegisteredVehicle> Vehicle { get; } =
        from plate in Plate
        from color in Color
        from type in Type
        from stage in Stage
        from use in Gen.Elements(UseNature.Freight, UseNature.Freight, UseNature.DangerousGoods, UseNature.NonOperating)
        from rawFlags in Gen.Choose(0, 7)
        from flagged in Gen.Choose(0, 2)
        let flags = flagged == 0 ? (VehicleFlags)rawFlags : VehicleFlags.None
        from nonRoad in Gen.Choose(0, 9)
        select new RegisteredVehicle(plate, color, null, type,
            stage == EmissionStage.Electric ? FuelType.Electric : FuelType.Diesel, stage, use, true, null, flags,
            nonRoad == 0 ? NonRoadMachineryKind.Loader : null);

    /// <summary>A policy of <paramref name="enterprise"/> active at <see cref="Fixture.Now"/>.</summary>
    public static Gen<EmergencyPolicy> ActivePolicy(string enterprise, IReadOnlyList<VehicleKey> whitelistPool) =>
        from id in Chars("abc123", 4)
        from level in Gen.Elements(AlertLevel.Yellow, AlertLevel.Orange, AlertLevel.Red)
        from startHoursBefore in Gen.Choose(0, 48)
        from endHoursAfter in Gen.Choose(1, 48)
        from scope in Gen.Elements(PolicyScope.HeavyTruck, PolicyScope.AllRoadGoods, PolicyScope.InPlant, PolicyScope.NonRoad)
        from minimum in MinimumStage
        from nevOnly in Gen.Elements(false, false, true)
        from exemptions in Gen.Choose(0, 15).Select(e => (ExemptionKinds)e)
        from whitelist in Gen.ListOf(Gen.Elements(whitelistPool.Count == 0 ? [default] : whitelistPool.ToArray()))
        from action in Gen.Elements(PolicyAction.Deny, PolicyAction.Deny, PolicyAction.AlertOnly)
        select new EmergencyPolicy("p-" + id, enterprise, level, Fixture.Now.AddHours(-startHoursBefore),
            Fixture.Now.AddHours(endHoursAfter), scope, minimum, nevOnly, exemptions,
            whitelist.Where(k => k.Plate is not null).ToHashSet(), action, "限行测试措施");
}
