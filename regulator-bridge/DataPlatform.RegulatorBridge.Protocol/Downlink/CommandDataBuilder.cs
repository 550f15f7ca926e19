using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;

namespace DataPlatform.RegulatorBridge.Downlink;

/// <summary>One vehicle of a blacklist command, on the platform side.</summary>
/// <remarks><paramref name="EntCode"/>: null: the entry applies regulator-wide.</remarks>
public sealed record BlacklistEntry(string PlateNo, PlateColor PlateColor, string Reason, DateTimeOffset ListedAt, DateTimeOffset? RemovedAt, string? EntCode = null);

/// <summary>The platform side of <see cref="CommandParser"/>: a command's data JSON in a profile's field names,
/// codes and time format. The result goes into the data field of an envelope the platform signs.</summary>
public sealed class CommandDataBuilder
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CompiledProfile _profile;

    public CommandDataBuilder(CompiledProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
    }

    public string Blacklist(string commandId, IReadOnlyList<BlacklistEntry> items)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandId);
        ArgumentNullException.ThrowIfNull(items);
        var data = new JsonObject { [Wire(FieldIds.CommandId)] = commandId, [Wire(FieldIds.CommandType)] = "blacklist" };
        var array = new JsonArray();
        foreach (var item in items)
        {
            var o = new JsonObject
            {
                [Wire(FieldIds.PlateNo)] = item.PlateNo,
                [Wire(FieldIds.PlateColor)] = PlateColor(item.PlateColor),
                [Wire(FieldIds.Reason)] = item.Reason,
                [Wire(FieldIds.ListedAt)] = Time(item.ListedAt),
                [Wire(FieldIds.RemovedAt)] = item.RemovedAt is { } removed ? Time(removed) : "",
            };
            if (item.EntCode is { Length: > 0 } ent)
                o[Wire(FieldIds.EnterpriseId)] = ent;
            array.Add(o);
        }
        data[Wire(FieldIds.Items)] = array;
        return data.ToJsonString(JsonOptions);
    }

    public string EmergencyMeasure(string commandId, string entCode, DateTimeOffset start, DateTimeOffset end, AlertLevel level, string rule)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandId);
        ArgumentException.ThrowIfNullOrEmpty(entCode);
        var data = new JsonObject
        {
            [Wire(FieldIds.CommandId)] = commandId,
            [Wire(FieldIds.CommandType)] = "emergency",
            [Wire(FieldIds.EnterpriseId)] = entCode,
            [Wire(FieldIds.StartTime)] = Time(start),
            [Wire(FieldIds.EndTime)] = Time(end),
            [Wire(FieldIds.WarningLevel)] = level.ChineseName,
            [Wire(FieldIds.ResponseLevel)] = level.ResponseLevelName,
            [Wire(FieldIds.RuleText)] = rule,
        };
        return data.ToJsonString(JsonOptions);
    }

    private string Wire(string id) => _profile.Fields.Wire(id);

    private string Time(DateTimeOffset t) => ChinaTimestamp.Format(t, _profile.Profile.DateTimeFormat);

    private JsonNode PlateColor(PlateColor color)
    {
        var wire = _profile.Codec.PlateColorToWire(color);
        return _profile.Codec.PlateColorIsNumeric
            ? JsonValue.Create(int.Parse(wire, System.Globalization.CultureInfo.InvariantCulture))
            : JsonValue.Create(wire);
    }
}
