using System.Text.Json;
using System.Text.Unicode;

namespace DataPlatform.Gate;

/// <summary>JSON → <see cref="GateEvent"/>. Field order is free, unknown fields are ignored (producers may be
/// newer than consumers), duplicate fields are refused.</summary>
internal static class GateEventReader
{
    private enum Field { EventId, EnterpriseId, GateId, LaneId, Direction, PassTime, PlateNo, PlateColor, Confidence, VehicleType, DeviceId, Pictures }

    private static readonly Dictionary<string, Field> FieldsByName = Enum.GetValues<Field>()
        .ToDictionary(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()), StringComparer.Ordinal);

    public static GateEventParseResult Read(ReadOnlySpan<byte> utf8, DateTimeOffset now)
    {
        try
        {
            if (utf8.StartsWith("\uFEFF"u8))
                utf8 = utf8[3..];
            if (!Utf8.IsValid(utf8))
                return Fail(RejectionCodes.BadJson, "input is not valid UTF-8");
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = GateEventCodec.MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            // ParseValue stops after one value; reading on throws on anything but trailing whitespace.
            if (reader.Read())
                return Fail(RejectionCodes.BadJson, "content after the JSON object");
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ReadObject(document.RootElement, now)
                : Fail(RejectionCodes.BadJson, $"expected a JSON object, found {document.RootElement.ValueKind}");
        }
        catch (JsonException ex)
        {
            return Fail(RejectionCodes.BadJson, "not JSON: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement.GetString throws this for escapes that decode to invalid UTF-16 (lone surrogates).
            return Fail(RejectionCodes.BadJson, "unreadable string: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The contract is "never throws": a consumer loop must dead-letter a message, not die on it.
            return Fail(RejectionCodes.BadJson, $"unreadable input ({ex.GetType().Name}): {ex.Message}");
        }
    }

    private static GateEventParseResult ReadObject(JsonElement root, DateTimeOffset now)
    {
        var fields = new JsonElement?[FieldsByName.Count];
        foreach (var property in root.EnumerateObject())
        {
            if (!FieldsByName.TryGetValue(property.Name, out var field))
                continue;
            if (fields[(int)field] is not null)
                return Fail(RejectionCodes.DuplicateField, $"field '{property.Name}' appears more than once");
            fields[(int)field] = property.Value;
        }
        JsonElement? Get(Field f) => fields[(int)f] is { ValueKind: not JsonValueKind.Null } e ? e : null;

        if (!RequiredString(Get(Field.EventId), "eventId", out var eventId, out var rejection)
            || !RequiredString(Get(Field.EnterpriseId), "enterpriseId", out var enterpriseId, out rejection)
            || !RequiredString(Get(Field.GateId), "gateId", out var gateId, out rejection)
            || !RequiredString(Get(Field.LaneId), "laneId", out var laneId, out rejection))
            return GateEventParseResult.Failure(rejection!);
        if (Invalid(GateEventRules.CheckEventId(eventId)
                ?? GateEventRules.CheckId("enterpriseId", enterpriseId)
                ?? GateEventRules.CheckId("gateId", gateId)
                ?? GateEventRules.CheckId("laneId", laneId), out rejection))
            return GateEventParseResult.Failure(rejection!);

        if (!ReadDirection(Get(Field.Direction), out var direction, out rejection)
            || !ReadPassTime(Get(Field.PassTime), now, out var passTime, out rejection)
            || !ReadPlate(Get(Field.PlateNo), out var plate, out rejection)
            || !ReadPlateColor(Get(Field.PlateColor), out var plateColor, out rejection)
            || !ReadConfidence(Get(Field.Confidence), out var confidence, out rejection)
            || !ReadVehicleType(Get(Field.VehicleType), out var vehicleType, out rejection)
            || !ReadDeviceId(Get(Field.DeviceId), out var deviceId, out rejection)
            || !ReadPictures(Get(Field.Pictures), out var pictures, out rejection))
            return GateEventParseResult.Failure(rejection!);

        return GateEventParseResult.Success(new GateEvent(
            eventId, enterpriseId, gateId, laneId, direction, passTime, plate!, plateColor, confidence,
            vehicleType, deviceId, pictures!));
    }

    private static bool RequiredString(JsonElement? element, string name, out string value, out Rejection? rejection)
    {
        value = "";
        rejection = null;
        if (element is not { } e)
            return Reject(RejectionCodes.MissingField, $"field '{name}' is missing", out rejection);
        if (e.ValueKind != JsonValueKind.String)
            return Reject(RejectionCodes.InvalidField, $"field '{name}' must be a string, found {e.ValueKind}", out rejection);
        value = e.GetString()!;
        return true;
    }

    private static bool ReadDirection(JsonElement? element, out Direction value, out Rejection? rejection)
    {
        value = default;
        rejection = null;
        string text;
        switch (element)
        {
            case null:
                return Reject(RejectionCodes.MissingField, "field 'direction' is missing", out rejection);
            case { ValueKind: JsonValueKind.Number } e:
                text = e.GetRawText();
                break;
            case { ValueKind: JsonValueKind.String } e:
                text = e.GetString()!;
                break;
            case { } e:
                return Reject(RejectionCodes.InvalidField, $"field 'direction' must be 1 or 2, found {e.ValueKind}", out rejection);
        }
        return Direction.TryParse(text, out value, out _)
            || Reject(RejectionCodes.UnknownCode, $"field 'direction': unknown code '{TextFold.Clip(text)}' (1 进厂, 2 出厂)", out rejection);
    }

    private static bool ReadPassTime(JsonElement? element, DateTimeOffset now, out DateTimeOffset value, out Rejection? rejection)
    {
        value = default;
        rejection = null;
        if (element is not { } e)
            return Reject(RejectionCodes.MissingField, "field 'passTime' is missing", out rejection);
        if (e.ValueKind != JsonValueKind.String)
            return Reject(RejectionCodes.InvalidTime, $"field 'passTime' must be an ISO 8601 string, found {e.ValueKind}", out rejection);
        var text = e.GetString()!;
        if (!WireTimestamp.TryParse(text, out value))
            return Reject(RejectionCodes.InvalidTime, $"field 'passTime' '{TextFold.Clip(text)}' is not {WireTimestamp.Expected}", out rejection);
        if (GateEventRules.CheckPassTime(value) is { } why)
            return Reject(RejectionCodes.InvalidTime, why, out rejection);
        if (value - now > GateEventCodec.MaxClockSkewAhead)
            return Reject(RejectionCodes.InvalidTime,
                $"field 'passTime' {text} is more than {GateEventCodec.MaxClockSkewAhead.TotalHours:0} h after now ({now:O})",
                out rejection);
        value = ChinaTime.From(value);
        return true;
    }

    private static bool ReadPlate(JsonElement? element, out PlateNumber? value, out Rejection? rejection)
    {
        value = null;
        rejection = null;
        if (element is not { } e)
            return Reject(RejectionCodes.MissingField, "field 'plateNo' is missing", out rejection);
        if (e.ValueKind != JsonValueKind.String)
            return Reject(RejectionCodes.InvalidPlate, $"field 'plateNo' must be a string, found {e.ValueKind}", out rejection);
        return PlateParser.TryParse(e.GetString(), out value, out var reason)
            || Reject(RejectionCodes.InvalidPlate, "field 'plateNo': " + reason, out rejection);
    }

    private static bool ReadPlateColor(JsonElement? element, out PlateColor value, out Rejection? rejection)
    {
        value = default;
        rejection = null;
        if (element is not { } e)
            return Reject(RejectionCodes.MissingField, "field 'plateColor' is missing", out rejection);
        if (e.ValueKind != JsonValueKind.String)
            return Reject(RejectionCodes.InvalidField,
                $"field 'plateColor' must be a name such as \"yellow\" or \"黄\", found {e.ValueKind} (numbers differ between conventions)",
                out rejection);
        return PlateColor.TryParse(e.GetString(), out value, out var reason)
            || Reject(RejectionCodes.UnknownCode, "field 'plateColor': " + reason, out rejection);
    }

    private static bool ReadConfidence(JsonElement? element, out double? value, out Rejection? rejection)
    {
        value = null;
        rejection = null;
        if (element is not { } e)
            return true;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var number) || !double.IsFinite(number))
            return Reject(RejectionCodes.InvalidField, "field 'confidence' must be a number within 0..1", out rejection);
        value = number;
        return !Invalid(GateEventRules.CheckConfidence(number), out rejection);
    }

    private static bool ReadVehicleType(JsonElement? element, out VehicleType? value, out Rejection? rejection)
    {
        value = null;
        rejection = null;
        if (element is not { } e)
            return true;
        if (e.ValueKind != JsonValueKind.String)
            return Reject(RejectionCodes.InvalidField, $"field 'vehicleType' must be a string, found {e.ValueKind}", out rejection);
        var text = e.GetString()!;
        // Cameras that do not classify send "", which means the same as absent.
        if (text.Length == 0)
            return true;
        if (!VehicleType.TryParse(text, out var type, out var reason))
            return Reject(RejectionCodes.UnknownCode, "field 'vehicleType': " + reason, out rejection);
        value = type;
        return true;
    }

    private static bool ReadDeviceId(JsonElement? element, out string? value, out Rejection? rejection)
    {
        value = null;
        rejection = null;
        if (element is not { } e)
            return true;
        if (e.ValueKind != JsonValueKind.String)
            return Reject(RejectionCodes.InvalidField, $"field 'deviceId' must be a string, found {e.ValueKind}", out rejection);
        var text = e.GetString()!;
        if (text.Length == 0)
            return true;
        value = text;
        return !Invalid(GateEventRules.CheckId("deviceId", text, GateEventRules.MaxDeviceIdLength), out rejection);
    }

    private static bool ReadPictures(JsonElement? element, out IReadOnlyList<string>? value, out Rejection? rejection)
    {
        value = [];
        rejection = null;
        if (element is not { } e)
            return true;
        if (e.ValueKind != JsonValueKind.Array)
            return Reject(RejectionCodes.InvalidField, $"field 'pictures' must be an array of strings, found {e.ValueKind}", out rejection);
        var count = e.GetArrayLength();
        if (count > GateEventRules.MaxPictures)
            return Reject(RejectionCodes.InvalidField, $"field 'pictures' has {count} entries, at most {GateEventRules.MaxPictures}", out rejection);
        var pictures = new string[count];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                return Reject(RejectionCodes.InvalidField, $"field 'pictures[{i}]' must be a string, found {item.ValueKind}", out rejection);
            pictures[i] = item.GetString()!;
            if (Invalid(GateEventRules.CheckPicture(i, pictures[i]), out rejection))
                return false;
            i++;
        }
        value = Array.AsReadOnly(pictures);
        return true;
    }

    private static bool Invalid(string? reason, out Rejection? rejection)
    {
        rejection = reason is null ? null : new Rejection(RejectionCodes.InvalidField, reason);
        return reason is not null;
    }

    private static bool Reject(string code, string reason, out Rejection? rejection)
    {
        rejection = new Rejection(code, reason);
        return false;
    }

    private static GateEventParseResult Fail(string code, string reason) => GateEventParseResult.Failure(code, reason);
}
