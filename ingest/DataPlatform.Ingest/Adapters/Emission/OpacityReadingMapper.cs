using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Adapters.Emission;

/// <summary>A smoke-opacity push read: exactly one of a reading or a rejection with the reason.</summary>
public sealed record OpacityPushResult(OpacityReading? Reading, Rejection? Rejection)
{
    public override string ToString() => Reading is not null ? $"reading {Reading.ReadingId}" : $"{Rejection!.Code}: {Rejection.Reason}";
}

/// <summary>
/// The documented JSON push of a smoke-opacity meter (不透光烟度计) → <see cref="OpacityReading"/>. Meters differ
/// by vendor; their gateways post this one shape (see ingest README, "Smoke-opacity meters"):
/// <c>{"readingId","plateNo","plateColor"?,"measuredAt","opacityPercent"?,"absorptionCoefficient"?,"method"?}</c>.
/// Enterprise, gate and lane come from the device's registration, never from the body. Pure, and never throws:
/// any byte sequence is a reading or a rejection.
/// </summary>
public static class OpacityReadingMapper
{
    /// <summary>A measured k above this is not smoke but a blocked or broken optical path (full-scale meters read
    /// about 10–16 m⁻¹ at 99.9 % opacity over the standard 0.43 m path).</summary>
    public const decimal MaxAbsorptionCoefficient = 20m;

    /// <summary>How far a measurement may lie ahead of our clock (meter clocks drift; a day like gate events).</summary>
    public static readonly TimeSpan MaxClockSkewAhead = TimeSpan.FromDays(1);

    public static readonly string[] Methods = ["free-acceleration", "lug-down", "remote-sensing", "unknown"];

    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-");

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF'Z'",
    ];

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd' 'HH:mm:ss.FFFFFFF"];

    public static OpacityPushResult Map(ReadOnlySpan<byte> body, DeviceRegistration device, DateTimeOffset now)
    {
        try
        {
            if (body.StartsWith("\uFEFF"u8)) body = body[3..];
            if (!Utf8.IsValid(body)) return Fail(RejectionCodes.BadJson, "body is not valid UTF-8");
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 4 });
            using var doc = JsonDocument.ParseValue(ref reader);
            if (reader.Read()) return Fail(RejectionCodes.BadJson, "content after the JSON object");
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? Read(doc.RootElement, device, now)
                : Fail(RejectionCodes.BadJson, $"expected a JSON object, found {doc.RootElement.ValueKind}");
        }
        catch (JsonException e)
        {
            return Fail(RejectionCodes.BadJson, "not JSON: " + e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The contract is "never throws": an odd value must come back as a reason, not kill the request.
            return Fail(RejectionCodes.BadJson, $"unreadable input ({e.GetType().Name}): {e.Message}");
        }
    }

    private static OpacityPushResult Read(JsonElement root, DeviceRegistration device, DateTimeOffset now)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
            if (!seen.Add(p.Name)) return Fail(RejectionCodes.DuplicateField, $"field '{Clip(p.Name)}' appears more than once");

        if (Text(root, "readingId") is not { } readingId) return Missing("readingId", root);
        if (readingId.Length is 0 or > 64 || readingId.AsSpan().IndexOfAnyExcept(IdChars) >= 0)
            return Fail(RejectionCodes.InvalidField, $"field 'readingId' '{Clip(readingId)}' must be 1..64 of A-Z a-z 0-9 . _ : -");

        if (Text(root, "plateNo") is not { } plateText) return Missing("plateNo", root);
        if (!PlateNumber.TryParse(plateText, out var plate, out var plateReason))
            return Fail(RejectionCodes.InvalidPlate, $"field 'plateNo': {plateReason}");

        var color = PlateColor.Unknown;
        if (Text(root, "plateColor") is { } colorText && !PlateColor.TryParse(colorText, out color, out var colorReason))
            return Fail(RejectionCodes.UnknownCode, $"field 'plateColor': {colorReason}");
        if (root.TryGetProperty("plateColor", out var pc) && pc.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return Fail(RejectionCodes.InvalidField, "field 'plateColor' must be a string");

        if (Text(root, "measuredAt") is not { } timeText) return Missing("measuredAt", root);
        if (!TryTime(timeText, out var measuredAt))
            return Fail(RejectionCodes.InvalidTime, $"field 'measuredAt' '{Clip(timeText)}' is not yyyy-MM-ddTHH:mm:ss[.fffffff][+08:00|Z]");
        if (measuredAt < new DateTimeOffset(2000, 1, 1, 0, 0, 0, ChinaTime.Offset) || measuredAt > now + MaxClockSkewAhead)
            return Fail(RejectionCodes.InvalidTime, $"field 'measuredAt' {measuredAt:O} is before 2000 or more than a day after now");

        if (!Measure(root, "opacityPercent", 100m, out var opacity, out var why)) return Fail(RejectionCodes.InvalidField, why);
        if (!Measure(root, "absorptionCoefficient", MaxAbsorptionCoefficient, out var k, out why)) return Fail(RejectionCodes.InvalidField, why);
        if (opacity is null && k is null)
            return Fail(RejectionCodes.MissingField, "a reading needs 'opacityPercent' (0–100) or 'absorptionCoefficient' (m⁻¹), or both");

        var method = "unknown";
        if (root.TryGetProperty("method", out var m) && m.ValueKind != JsonValueKind.Null)
        {
            method = m.ValueKind == JsonValueKind.String ? (m.GetString() ?? "").Trim().ToLowerInvariant() : "";
            if (!Methods.Contains(method))
                return Fail(RejectionCodes.UnknownCode, $"field 'method' must be one of {string.Join(", ", Methods)}");
        }

        return new OpacityPushResult(new OpacityReading(readingId, device.DeviceId, device.EnterpriseId, device.GateId, device.LaneId,
            plate.Text, color.ToWireName(), ChinaTime.From(measuredAt), opacity, k, method, ChinaTime.From(now)), null);
    }

    private static bool Measure(JsonElement root, string name, decimal max, out decimal? value, out string reason)
    {
        value = null;
        reason = "";
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return true;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var d))
        {
            reason = $"field '{name}' must be a number";
            return false;
        }
        if (d < 0 || d > max)
        {
            reason = $"field '{name}' must be within 0..{max} (is {d.ToString(CultureInfo.InvariantCulture)})";
            return false;
        }
        // Meters report two or three decimals; more is noise and would not fit the ledger column.
        value = Math.Round(d, 3, MidpointRounding.AwayFromZero);
        return true;
    }

    private static bool TryTime(string text, out DateTimeOffset time)
    {
        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
            return true;
        // Meters without a zone in their clock report China time.
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year >= 2000 && local.Year <= 9998)
        {
            time = new DateTimeOffset(local, ChinaTime.Offset);
            return true;
        }
        return false;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()?.Trim() : null;

    private static OpacityPushResult Missing(string name, JsonElement root) =>
        root.TryGetProperty(name, out var e) && e.ValueKind is not JsonValueKind.Null
            ? Fail(RejectionCodes.InvalidField, $"field '{name}' must be a string, found {e.ValueKind}")
            : Fail(RejectionCodes.MissingField, $"field '{name}' is missing");

    private static OpacityPushResult Fail(string code, string reason) => new(null, new Rejection(code, reason));

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
