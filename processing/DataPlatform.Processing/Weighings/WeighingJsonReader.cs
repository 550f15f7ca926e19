using System.Globalization;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Processing.Weighings;

/// <summary>
/// Reads the <c>weighing</c> record (version 1) that the TCP adapters publish on <c>gate.weighings</c> into a
/// ledger row. Pure; never throws: a payload it cannot use comes back with the reason.
/// <para>Why a second reader: the wire format's owner, <c>DeviceMessageCodec</c>, lives in DataPlatform.Ingest,
/// the ingest I/O project that processing must not reference. This reader accepts exactly the fields that codec
/// writes (see ingest/DataPlatform.Ingest/Adapters/Tcp/README.md); the Trips tests encode their input with the
/// real codec, so a drift between the two fails a test.</para>
/// </summary>
public static class WeighingJsonReader
{
    public const int Version = 1;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static (WeighingRow? Row, string? Reason) Read(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "not a JSON object");
            if (Str(root, "type") != "weighing") return (null, $"type must be 'weighing', not '{Str(root, "type")}'");
            if (!root.TryGetProperty("version", out var v) || !v.TryGetInt32(out var version) || version != Version)
                return (null, $"version must be {Version}");
            var kind = Required(root, "kind");
            if (kind is not ("gross" or "tare" or "unknown")) return (null, $"kind '{kind}' is not gross, tare or unknown");
            if (!root.TryGetProperty("weightKg", out var w) || !w.TryGetDecimal(out var kg) || kg < 0)
                return (null, "'weightKg' must be a non-negative number");
            var enterprise = Required(root, "enterpriseId");
            var messageId = Required(root, "messageId");
            var plate = "";
            if (Str(root, "plateNo") is { Length: > 0 } rawPlate)
            {
                if (!PlateNumber.TryParse(rawPlate, out var parsed, out var reason)) return (null, $"plateNo: {reason}");
                plate = parsed.Text;
            }
            return (new WeighingRow(
                WeighingIdentity.For(enterprise, messageId), messageId, enterprise, Required(root, "weighbridgeId"),
                Utc(root, "time"), kg, kind, Str(root, "ticketNo") ?? "", Str(root, "cargoName") ?? "", plate,
                Required(root, "deviceId"), Utc(root, "receivedAt")), null);
        }
        catch (JsonException e)
        {
            return (null, $"not JSON: {e.Message}");
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static string Required(JsonElement root, string name) =>
        Str(root, name) is { Length: > 0 } s ? s : throw new FormatException($"'{name}' is missing or empty");

    /// <summary>The instant as UTC, cut to milliseconds as the DateTime64(3) columns keep it.</summary>
    private static DateTime Utc(JsonElement root, string name)
    {
        if (!DateTimeOffset.TryParse(Required(root, name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            throw new FormatException($"'{name}' is not an ISO 8601 time with offset");
        var utc = t.ToOffset(China).UtcDateTime;
        return DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc);
    }
}
