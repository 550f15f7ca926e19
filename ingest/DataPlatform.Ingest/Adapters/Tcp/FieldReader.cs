using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>Typed access to one JSON object's fields for <see cref="DeviceMessageCodec"/>; a missing or mistyped
/// field throws <see cref="FieldException"/>, which the codec turns into a rejection (never out of the codec).</summary>
internal sealed class FieldReader(JsonElement obj)
{
    public string String(string name) =>
        OptionalString(name) ?? throw new FieldException($"'{name}' is missing");

    public string? OptionalString(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FieldException($"'{name}' must be a string");
    }

    public int Int(string name) =>
        OptionalInt(name) ?? throw new FieldException($"'{name}' is missing");

    public int? OptionalInt(string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : throw new FieldException($"'{name}' must be an integer");
    }

    public decimal Decimal(string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)
            ? d : throw new FieldException($"'{name}' must be a number");

    public bool Bool(string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean() : throw new FieldException($"'{name}' must be true or false");

    public DateTimeOffset Time(string name)
    {
        var text = String(name);
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? ChinaTime.From(t) : throw new FieldException($"'{name}' is not an ISO 8601 time with offset");
    }

    public PlateNumber? OptionalPlate(string name) =>
        OptionalString(name) is not { } text ? null
        : PlateNumber.TryParse(text, out var plate, out var reason) ? plate : throw new FieldException(reason);
}

internal sealed class FieldException(string message) : Exception(message);
