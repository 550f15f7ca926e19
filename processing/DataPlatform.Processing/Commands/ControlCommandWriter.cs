using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataPlatform.Compliance.Policies;
using DataPlatform.Compliance.Vehicles;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Commands;

/// <summary><see cref="ControlCommand"/> → canonical JSON: fixed field order, China times, English code names,
/// sets sorted, optionals omitted when null — so serialising a parsed command gives the same bytes.</summary>
internal static class ControlCommandWriter
{
    // Plates and rule texts are Chinese; the default encoder would write them as \uXXXX, unreadable for the
    // operators who inspect the topic and the snapshot file. The output is never embedded in HTML.
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter w, ControlCommand command)
    {
        w.WriteStartObject();
        w.WriteString("commandId", command.CommandId);
        w.WriteString("kind", command.Kind);
        WriteTime(w, "issuedAt", command.IssuedAt);
        switch (command)
        {
            case PolicyControlCommand { Command: var policyCommand } p:
                WritePolicyCommand(w, policyCommand, p.TargetEnterpriseId);
                break;
            case RegisterVehicleCommand r:
                if (r.RegisteredBy is { } by) w.WriteString("enterpriseId", by);
                WriteVehicle(w, r.Vehicle);
                break;
            default:
                throw new ArgumentException($"unknown control command {command.GetType().Name}", nameof(command));
        }
        w.WriteEndObject();
    }

    public static void WriteVehicle(Utf8JsonWriter w, RegisteredVehicle v)
    {
        WriteKey(w, v.Key);
        if (v.Vin is { } vin) w.WriteString("vin", vin);
        if (v.VehicleType.Code.Length > 0) w.WriteString("vehicleType", v.VehicleType.Code);
        w.WriteString("fuel", v.Fuel.Code);
        w.WriteString("stage", v.Stage.InternalCode);
        w.WriteString("useNature", v.UseNature.Code);
        w.WriteBoolean("obdOnline", v.ObdOnline);
        if (v.FleetName is { } fleet) w.WriteString("fleetName", fleet);
        WriteNames(w, "flags", ControlVocabulary.FlagNames, f => v.Flags.HasFlag(f));
        if (v.MachineryKind is { } kind) w.WriteString("machineryKind", kind.Code);
        if (v.Epc is { } epc) w.WriteString("epc", epc);
    }

    private static void WritePolicyCommand(Utf8JsonWriter w, PolicyCommand command, string? target)
    {
        switch (command)
        {
            case AddPolicy { Policy: var p }:
                w.WriteString("enterpriseId", p.EnterpriseId);
                w.WriteString("policyId", p.Id);
                w.WriteString("level", p.Level.Code);
                WriteTime(w, "validFrom", p.ValidFrom);
                WriteTime(w, "validTo", p.ValidTo);
                w.WriteString("scope", ControlVocabulary.ScopeNames[p.Scope]);
                w.WriteString("minimumStage", p.MinimumStage.InternalCode);
                w.WriteBoolean("nevOnly", p.NevOnly);
                WriteNames(w, "exemptions", ControlVocabulary.ExemptionNames, e => p.Exemptions.HasFlag(e));
                w.WriteStartArray("whitelist");
                foreach (var key in p.WhitelistPlates.OrderBy(k => k.Plate.Text, StringComparer.Ordinal).ThenBy(k => k.Color))
                {
                    w.WriteStartObject();
                    WriteKey(w, key);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("action", ControlVocabulary.ActionNames[p.Action]);
                w.WriteString("ruleText", p.RuleText);
                w.WriteBoolean("requiresDeclaredAlert", p.RequiresDeclaredAlert);
                break;
            case RemovePolicy remove:
                w.WriteString("enterpriseId", target ?? throw new ArgumentException("policy.remove needs the target enterprise id"));
                w.WriteString("policyId", remove.PolicyId);
                break;
            case AddBlacklistEntry { Entry: var e }:
                if (e.EnterpriseId is { } listedBy) w.WriteString("enterpriseId", listedBy);
                WriteKey(w, e.Vehicle);
                w.WriteString("reason", e.Reason);
                WriteTime(w, "listedAt", e.ListedAt);
                if (e.RemovedAt is { } removedAt) WriteTime(w, "removedAt", removedAt);
                break;
            case RemoveBlacklistEntry remove:
                if (remove.EnterpriseId is { } removedBy) w.WriteString("enterpriseId", removedBy);
                WriteKey(w, remove.Vehicle);
                WriteTime(w, "removedAt", remove.RemovedAt);
                break;
            case AddBooking { Booking: var b }:
                w.WriteString("enterpriseId", b.EnterpriseId);
                w.WriteString("bookingId", b.Id);
                WriteKey(w, b.Vehicle);
                WriteTime(w, "windowStart", b.WindowStart);
                WriteTime(w, "windowEnd", b.WindowEnd);
                if (b.CargoName is { } cargo) w.WriteString("cargoName", cargo);
                w.WriteBoolean("whitelistEffect", b.WhitelistEffect);
                break;
            case CancelBooking cancel:
                w.WriteString("enterpriseId", target ?? throw new ArgumentException("booking.cancel needs the target enterprise id"));
                w.WriteString("bookingId", cancel.BookingId);
                break;
            case SetAlertLevel set:
                w.WriteString("enterpriseId", set.EnterpriseId);
                w.WriteString("level", set.Level is { } level ? level.Code : "none");
                WriteTime(w, "since", set.Since);
                break;
            default:
                throw new ArgumentException($"unknown policy command {command.GetType().Name}", nameof(command));
        }
    }

    private static void WriteKey(Utf8JsonWriter w, VehicleKey key)
    {
        w.WriteString("plateNo", key.Plate.Text);
        w.WriteString("plateColor", key.Color.Code);
    }

    private static void WriteNames<T>(Utf8JsonWriter w, string name, IReadOnlyDictionary<T, string> names, Func<T, bool> has)
        where T : notnull
    {
        w.WriteStartArray(name);
        foreach (var (value, text) in names)
            if (has(value)) w.WriteStringValue(text);
        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset time) =>
        w.WriteString(name, ChinaTime.From(time).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
