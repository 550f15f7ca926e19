using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>A passage the cameras missed, entered by a guard: it becomes an ordinary gate event (so it is
/// decided, ledgered and sealed like any other) whose device is <c>guard:&lt;operatorId&gt;</c> and whose event id
/// derives from what was entered, so a re-post is the same event. Pure.</summary>
public static class ManualPassage
{
    public const string DevicePrefix = "guard:";
    public const string EventIdPrefix = "manual-";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "enterpriseId", "gateId", "laneId", "direction", "passTime", "plateNo", "plateColor", "vehicleType", "note", "pictures",
    };

    /// <summary>The gate event, the guard's note and the picture payloads to store first; or a rejection.</summary>
    /// <remarks><paramref name="storePicture"/>: Turns one base64 picture (or an existing <c>sha256:</c> reference)
    /// into a reference, or a rejection reason.</remarks>
    public static (GateEvent? Event, string Note, Rejection? Rejection) Read(
        JsonElement body, string operatorId, string defaultEnterprise, DateTimeOffset now, Func<string, (string? Ref, Rejection? Rejection)> storePicture)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return Fail(RejectionCodes.BadJson, "人工补录通行记录须为 JSON 对象");
        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        foreach (var property in body.EnumerateObject())
            if (!Allowed.Contains(property.Name))
                return Fail(RejectionCodes.InvalidField, $"人工补录通行记录含未知字段“{property.Name}”");

        var enterprise = Text("enterpriseId") is { Length: > 0 } e ? e : defaultEnterprise;
        var pictures = new List<string>();
        if (body.TryGetProperty("pictures", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
                return Fail(RejectionCodes.InvalidField, "字段“pictures”须为数组（图片 base64 或 sha256 引用）");
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                    return Fail(RejectionCodes.InvalidField, "字段“pictures”的每一项须为字符串");
                var (reference, rejection) = storePicture(item.GetString()!);
                if (rejection is not null) return (null, "", rejection);
                pictures.Add(reference!);
            }
        }

        var identity = $"{enterprise}|{Text("gateId")}|{Text("laneId")}|{Raw(body, "direction")}|{Text("passTime")}|{Text("plateNo")}|{operatorId}";
        var eventId = EventIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 12));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventId", eventId);
            w.WriteString("enterpriseId", enterprise);
            foreach (var name in new[] { "gateId", "laneId", "passTime", "plateNo", "plateColor", "vehicleType" })
                if (body.TryGetProperty(name, out var value)) { w.WritePropertyName(name); value.WriteTo(w); }
            if (body.TryGetProperty("direction", out var direction)) { w.WritePropertyName("direction"); direction.WriteTo(w); }
            w.WriteString("deviceId", DevicePrefix + operatorId);
            w.WriteStartArray("pictures");
            foreach (var p in pictures) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var parsed = GateEventCodec.Parse(buffer.ToArray(), now);
        if (parsed.Event is null)
            return Fail(parsed.Rejection!.Code, "人工补录通行记录无效：" + parsed.Rejection.Reason);
        var note = Text("note") ?? "";
        if (note.Length > 200) return Fail(RejectionCodes.InvalidField, "备注“note”超过 200 个字符");
        return (parsed.Event, note, null);
    }

    /// <summary>The audit id of a manual passage, from its event id (a re-post audits once).</summary>
    public static Guid AuditId(string eventId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("manual-passage\n" + eventId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Raw(JsonElement body, string name) => body.TryGetProperty(name, out var v) ? v.GetRawText() : "";

    private static (GateEvent?, string, Rejection?) Fail(string code, string reason) => (null, "", new Rejection(code, reason));
}
