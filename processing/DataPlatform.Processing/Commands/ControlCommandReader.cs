using System.Collections.Immutable;
using System.Text.Json;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Commands;

/// <summary>JSON → <see cref="ControlCommand"/>. Throws <see cref="CommandFormatException"/>, which the codec turns
/// into a rejection. Unknown fields are refused (see <see cref="CommandRejectionCodes.UnknownField"/>), and every
/// check <c>PolicySet.Apply</c> would make silently (an empty window) is made here, so a bad command is a dead
/// letter with a reason instead of a log line.</summary>
internal static class ControlCommandReader
{
    private const int MaxWhitelist = 1000;

    public static ControlCommand Read(JsonElement root)
    {
        var f = new JsonFields(root, "command");
        var commandId = f.RequiredId("commandId");
        var kind = f.RequiredString("kind", 32);
        var issuedAt = f.RequiredTime("issuedAt");
        ControlCommand command = kind switch
        {
            ControlCommandKinds.PolicyAdd => new PolicyControlCommand(commandId, new AddPolicy(ReadPolicy(f), issuedAt)),
            ControlCommandKinds.PolicyRemove => RemovePolicy(f, commandId, issuedAt),
            ControlCommandKinds.BlacklistAdd => new PolicyControlCommand(commandId, AddBlacklist(f, issuedAt)),
            ControlCommandKinds.BlacklistRemove => new PolicyControlCommand(commandId, new RemoveBlacklistEntry(
                f.OptionalId("enterpriseId", JsonFields.MaxEnterpriseIdLength), Vehicle(f),
                f.OptionalTime("removedAt") ?? issuedAt, issuedAt)),
            ControlCommandKinds.BookingAdd => new PolicyControlCommand(commandId, new AddBooking(ReadBooking(f), issuedAt)),
            ControlCommandKinds.BookingCancel => CancelBooking(f, commandId, issuedAt),
            ControlCommandKinds.AlertSet => new PolicyControlCommand(commandId, new SetAlertLevel(
                Enterprise(f), AlertLevelOrLifted(f), f.OptionalTime("since") ?? issuedAt, issuedAt)),
            ControlCommandKinds.VehicleRegister => new RegisterVehicleCommand(
                commandId, ReadVehicle(f), issuedAt, f.OptionalId("enterpriseId", JsonFields.MaxEnterpriseIdLength)),
            _ => throw JsonFields.Fail(CommandRejectionCodes.UnknownKind,
                $"command: unknown kind '{JsonFields.Clip(kind)}' (one of {string.Join(", ", ControlCommandKinds.All)})"),
        };
        f.EnsureAllUsed();
        return command;
    }

    /// <summary>A vehicle object (the fields of <c>vehicle.register</c>); also used for the configuration seed.</summary>
    public static RegisteredVehicle ReadVehicle(JsonFields f)
    {
        var plate = f.Plate();
        var color = f.Code<PlateColor>("plateColor", PlateColor.TryParse);
        var vin = f.OptionalString("vin", 32);
        var type = f.OptionalCode<VehicleType>("vehicleType", VehicleType.TryParse) ?? default;
        var fuel = f.Code<FuelType>("fuel", FuelType.TryParse);
        var stage = f.Code<EmissionStage>("stage", EmissionStage.TryParse);
        var use = f.OptionalCode<UseNature>("useNature", UseNature.TryParse) ?? UseNature.Freight;
        var obd = f.OptionalBool("obdOnline");
        var fleet = f.OptionalString("fleetName", 200);
        var flags = f.NamedArray("flags", ControlVocabulary.Flags).Aggregate(VehicleFlags.None, (a, b) => a | b);
        var machinery = f.OptionalCode<NonRoadMachineryKind>("machineryKind", NonRoadMachineryKind.TryParse);
        var epc = f.OptionalString("epc", 64);
        return new RegisteredVehicle(plate, color, vin, type, fuel, stage, use, obd, fleet, flags, machinery, epc);
    }

    private static EmergencyPolicy ReadPolicy(JsonFields f)
    {
        var enterprise = Enterprise(f);
        var id = f.RequiredId("policyId");
        var level = f.Code<AlertLevel>("level", AlertLevel.TryParse);
        var from = f.RequiredTime("validFrom");
        var to = f.RequiredTime("validTo");
        if (to <= from)
            throw JsonFields.Fail(CommandRejectionCodes.InvalidTime, "command: 'validTo' must be after 'validFrom'");
        var scope = f.Named("scope", ControlVocabulary.Scopes);
        var minimum = f.Code<EmissionStage>("minimumStage", EmissionStage.TryParse);
        var nevOnly = f.OptionalBool("nevOnly");
        var exemptions = f.NamedArray("exemptions", ControlVocabulary.Exemptions).Aggregate(ExemptionKinds.None, (a, b) => a | b);
        var whitelist = f.Array("whitelist", MaxWhitelist).Select(WhitelistEntry).ToImmutableHashSet();
        var action = f.Named("action", ControlVocabulary.Actions, PolicyAction.Deny);
        var text = f.RequiredString("ruleText");
        var standing = f.OptionalBool("requiresDeclaredAlert");
        return new EmergencyPolicy(id, enterprise, level, from, to, scope, minimum, nevOnly, exemptions, whitelist,
            action, text, standing);
    }

    private static VehicleKey WhitelistEntry(JsonElement element)
    {
        var f = new JsonFields(element, "whitelist entry");
        var key = Vehicle(f);
        f.EnsureAllUsed();
        return key;
    }

    private static PolicyControlCommand RemovePolicy(JsonFields f, string commandId, DateTimeOffset issuedAt)
    {
        var enterprise = Enterprise(f);
        return new PolicyControlCommand(commandId, new RemovePolicy(f.RequiredId("policyId"), issuedAt), enterprise);
    }

    private static AddBlacklistEntry AddBlacklist(JsonFields f, DateTimeOffset issuedAt)
    {
        var enterprise = f.OptionalId("enterpriseId", JsonFields.MaxEnterpriseIdLength);
        var vehicle = Vehicle(f);
        var reason = f.RequiredString("reason");
        var listed = f.OptionalTime("listedAt") ?? issuedAt;
        var removed = f.OptionalTime("removedAt");
        if (removed <= listed)
            throw JsonFields.Fail(CommandRejectionCodes.InvalidTime, "command: 'removedAt' must be after 'listedAt'");
        return new AddBlacklistEntry(new BlacklistEntry(enterprise, vehicle, reason, listed, removed), issuedAt);
    }

    private static Booking ReadBooking(JsonFields f)
    {
        var enterprise = Enterprise(f);
        var id = f.RequiredId("bookingId");
        var vehicle = Vehicle(f);
        var start = f.RequiredTime("windowStart");
        var end = f.RequiredTime("windowEnd");
        if (end <= start)
            throw JsonFields.Fail(CommandRejectionCodes.InvalidTime, "command: 'windowEnd' must be after 'windowStart'");
        return new Booking(id, enterprise, vehicle, start, end, f.OptionalString("cargoName", 200), f.OptionalBool("whitelistEffect"));
    }

    private static PolicyControlCommand CancelBooking(JsonFields f, string commandId, DateTimeOffset issuedAt)
    {
        var enterprise = Enterprise(f);
        return new PolicyControlCommand(commandId, new CancelBooking(f.RequiredId("bookingId"), issuedAt), enterprise);
    }

    /// <summary><c>level</c>: a colour (orange, 橙色) or response level (II级), or "none" to lift the alert.
    /// Required, so that lifting is always explicit rather than a forgotten field.</summary>
    private static AlertLevel? AlertLevelOrLifted(JsonFields f)
    {
        var text = f.RequiredString("level", 16);
        if (text is "none" or "解除")
            return null;
        return AlertLevel.TryParse(text, out var level, out var reason)
            ? level
            : throw JsonFields.Fail(CommandRejectionCodes.UnknownCode, "command: field 'level': " + reason + " (or \"none\" to lift)");
    }

    private static string Enterprise(JsonFields f) => f.RequiredId("enterpriseId", JsonFields.MaxEnterpriseIdLength);

    private static VehicleKey Vehicle(JsonFields f) =>
        new(f.Plate(), f.Code<PlateColor>("plateColor", PlateColor.TryParse));
}
