using System.Collections.Immutable;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.Processing.Tests.Decisions;

/// <summary>Valid control commands of every kind, for the codec properties.</summary>
public static class CommandGenerators
{
    private const string SerialChars = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static readonly DateTimeOffset Base = new(2026, 1, 1, 0, 0, 0, ChinaTime.Offset);

    public static Gen<string> Ids { get; } =
        from length in Gen.Choose(1, 20)
        from chars in Gen.ArrayOf(Gen.Elements("abcXYZ019._:-".ToCharArray()), length)
        select new string(chars);

    public static Gen<string> Texts { get; } = Gen.Elements("禁止国四及以下重型柴油货车进入", "超标排放", "a \"quoted\" reason", "民生保障 \\ 特殊", "x");

    public static Gen<DateTimeOffset> Times { get; } =
        from seconds in Gen.Choose(0, 100_000_000)
        from ticks in Gen.Choose(0, 9_999_999)
        from offset in Gen.Elements(0, 8, -5)
        select Base.AddSeconds(seconds).AddTicks(ticks).ToOffset(TimeSpan.FromHours(offset));

    public static Gen<PlateNumber> Plates { get; } =
        from province in Gen.Elements("冀京津晋蒙辽吉".ToCharArray())
        from letter in Gen.Elements("ABCDEFGHJK".ToCharArray())
        from serial in Gen.ArrayOf(Gen.Elements(SerialChars.ToCharArray()), 5)
        select PlateNumber.Parse($"{province}{letter}{new string(serial)}");

    public static Gen<VehicleKey> Keys { get; } =
        from plate in Plates
        from color in Gen.Elements(PlateColor.All.ToArray())
        select new VehicleKey(plate, color);

    public static Gen<RegisteredVehicle> Vehicles { get; } =
        from key in Keys
        from vin in Gen.Elements<string?>(null, "LFWADRJF011002346")
        from type in Gen.Elements<VehicleType>(default, VehicleType.Parse("H11"), VehicleType.Parse("Q11"), VehicleType.Parse("H31"))
        from fuel in Gen.Elements(FuelType.All.ToArray())
        from stage in Gen.Elements(EmissionStage.All.ToArray())
        from use in Gen.Elements(UseNature.All.ToArray())
        from obd in Gen.Elements(true, false)
        from fleet in Gen.Elements<string?>(null, "冀运物流")
        from flags in Gen.Choose(0, 7)
        from machinery in Gen.Elements<NonRoadMachineryKind?>(null, NonRoadMachineryKind.Loader, NonRoadMachineryKind.Forklift)
        from epc in Gen.Elements<string?>(null, "E2801160600002085A6F")
        select new RegisteredVehicle(key.Plate, key.Color, vin, type, fuel, stage, use, obd, fleet, (VehicleFlags)flags, machinery, epc);

    public static Gen<EmergencyPolicy> Policies { get; } =
        from id in Ids
        from enterprise in Ids
        from level in Gen.Elements(AlertLevel.All.ToArray())
        from from_ in Times
        from lengthSeconds in Gen.Choose(1, 10_000_000)
        from scope in Gen.Elements(PolicyScope.HeavyTruck, PolicyScope.InPlant, PolicyScope.NonRoad, PolicyScope.AllRoadGoods)
        from minimum in Gen.Elements(EmissionStage.All.ToArray())
        from nevOnly in Gen.Elements(true, false)
        from exemptions in Gen.Choose(0, 15)
        from whitelist in Gen.ListOf(Keys)
        from action in Gen.Elements(PolicyAction.Deny, PolicyAction.AlertOnly)
        from text in Texts
        from standing in Gen.Elements(true, false)
        select new EmergencyPolicy(id, enterprise, level, from_, from_.AddSeconds(lengthSeconds), scope, minimum, nevOnly,
            (ExemptionKinds)exemptions, whitelist.ToImmutableHashSet(), action, text, standing);

    public static Gen<ControlCommand> Commands { get; } =
        from commandId in Ids
        from issued in Times
        from enterprise in Ids
        from maybeEnterprise in Gen.Elements<string?>(null, "E1302001")
        from command in Gen.OneOf(
            Policies.Select(p => (ControlCommand)new PolicyControlCommand(commandId, new AddPolicy(p, issued))),
            Ids.Select(id => (ControlCommand)new PolicyControlCommand(commandId, new RemovePolicy(id, issued), enterprise)),
            from key in Keys
            from reason in Texts
            from listed in Times
            from removedAfter in Gen.Elements<int?>(null, 1, 86_400)
            select (ControlCommand)new PolicyControlCommand(commandId, new AddBlacklistEntry(
                new BlacklistEntry(maybeEnterprise, key, reason, listed, removedAfter is { } s ? listed.AddSeconds(s) : null), issued)),
            from key in Keys
            from removed in Times
            select (ControlCommand)new PolicyControlCommand(commandId, new RemoveBlacklistEntry(maybeEnterprise, key, removed, issued)),
            from id in Ids
            from key in Keys
            from start in Times
            from hours in Gen.Choose(1, 48)
            from cargo in Gen.Elements<string?>(null, "焦炭")
            from whitelistEffect in Gen.Elements(true, false)
            select (ControlCommand)new PolicyControlCommand(commandId, new AddBooking(
                new Booking(id, enterprise, key, start, start.AddHours(hours), cargo, whitelistEffect), issued)),
            Ids.Select(id => (ControlCommand)new PolicyControlCommand(commandId, new CancelBooking(id, issued), enterprise)),
            from level in Gen.Elements<AlertLevel?>(null, AlertLevel.Yellow, AlertLevel.Orange, AlertLevel.Red)
            from since in Times
            select (ControlCommand)new PolicyControlCommand(commandId, new SetAlertLevel(enterprise, level, since, issued)),
            Vehicles.Select(v => (ControlCommand)new RegisterVehicleCommand(commandId, v, issued, maybeEnterprise)))
        select command;
}
