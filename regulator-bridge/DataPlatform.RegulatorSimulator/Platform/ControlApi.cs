using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Commands;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>GET /sim/stats, /sim/records, /sim/attempts, /sim/commands; POST /sim/commands, /sim/faults;
/// DELETE /sim/faults. Bad input gets 400 with the reason.</summary>
internal static class ControlApi
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static void Map(WebApplication app, PlatformCore core)
    {
        app.MapGet("/sim/stats", () => Results.Json(core.Store.Stats(), SimJson.Options));
        app.MapGet("/sim/records", (HttpRequest request) =>
            TryQuery(request.Query, out var query, out var why)
                ? Results.Json(core.Store.Records(query), SimJson.Options)
                : Results.BadRequest(why));
        app.MapGet("/sim/counts", (HttpRequest request) =>
            TryQuery(request.Query, out var query, out var why)
                ? Results.Json(
                    core.Store.CountBy(r => (r.Kind, r.Mode, r.GateId, r.Day), query)
                        .OrderBy(kv => kv.Key.Day).ThenBy(kv => kv.Key.GateId, StringComparer.Ordinal).ThenBy(kv => kv.Key.Kind).ThenBy(kv => kv.Key.Mode)
                        .Select(kv => new RecordCount(kv.Key.Kind, kv.Key.Mode, kv.Key.GateId, kv.Key.Day, kv.Value)),
                    SimJson.Options)
                : Results.BadRequest(why));
        app.MapGet("/sim/attempts", (string? recordId) => Results.Json(core.Store.Attempts(recordId), SimJson.Options));
        app.MapGet("/sim/commands", () => Results.Json(core.Commands.All(), SimJson.Options));
        app.MapPost("/sim/commands", async (HttpRequest request) =>
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
                return Results.Json(Issue(core, document.RootElement), SimJson.Options);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
            {
                return Results.BadRequest(e.Message);
            }
        });
        app.MapPost("/sim/faults", async (HttpRequest request) =>
        {
            try
            {
                var plan = await JsonSerializer.DeserializeAsync<FaultPlan>(request.Body, SimJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false)
                    ?? throw new JsonException("empty fault plan");
                core.Faults.Set(plan);
                return Results.Json(core.Faults.Plan, SimJson.Options);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                return Results.BadRequest(e.Message);
            }
        });
        app.MapDelete("/sim/faults", () =>
        {
            core.Faults.Set(FaultPlan.None);
            return Results.Json(core.Faults.Plan, SimJson.Options);
        });
    }

    private static IssuedCommand Issue(PlatformCore core, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("body must be a JSON object");
        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
        DateTimeOffset? Time(string name) => Text(name) is { Length: > 0 } t
            ? ChinaTimestamp.TryParse(t, TimeFormat, out var parsed) ? parsed : throw new FormatException($"{name} '{t}' is not {TimeFormat} (China time)")
            : null;
        var ent = Text("entCode");

        if (Text("forgery") is { } forgery)
            return core.Commands.IssueForgery(Enum.TryParse<CommandForgery>(forgery, ignoreCase: true, out var f) && Enum.IsDefined(f)
                ? f : throw new ArgumentException($"forgery '{forgery}' is not one of {string.Join(", ", Enum.GetNames<CommandForgery>())}"), ent);

        switch (Text("type")?.ToLowerInvariant())
        {
            case "blacklist":
                var plate = Text("plateNo") ?? throw new ArgumentException("plateNo is required");
                var colorText = Text("plateColor") ?? throw new ArgumentException("plateColor is required");
                if (!PlateColor.TryParse(colorText, out var color, out var colorWhy))
                    throw new ArgumentException($"plateColor '{colorText}': {colorWhy}");
                return core.Commands.IssueBlacklist(new BlacklistOrder(plate, color, Text("reason") ?? "监管平台下发", Time("listTime"), Time("removeTime"), ent));
            case "emergency":
                var levelText = Text("warningLevel") ?? throw new ArgumentException("warningLevel is required");
                if (!AlertLevel.TryParse(levelText, out var level, out var levelWhy))
                    throw new ArgumentException($"warningLevel '{levelText}': {levelWhy}");
                var start = Time("startTime") ?? core.Now;
                var hours = Text("hours") is { } h ? double.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : 24;
                var end = Time("endTime") ?? start.AddHours(hours);
                return core.Commands.IssueEmergencyMeasure(new EmergencyMeasureOrder(level, start, end, Text("rule") ?? "禁止国四及以下重型柴油货车进入", ent));
            default:
                throw new ArgumentException("type must be 'blacklist' or 'emergency' (or give 'forgery')");
        }
    }

    private static bool TryQuery(IQueryCollection q, out RecordQuery query, out string why)
    {
        query = RecordQuery.All;
        why = "";
        RecordKind? kind = null;
        UploadMode? mode = null;
        DateOnly? day = null;
        bool? acknowledged = null, complete = null;
        if (q["kind"].ToString() is { Length: > 0 } k)
        {
            if (!Enum.TryParse<RecordKind>(k, true, out var parsed))
                return Fail($"kind '{k}' is not one of {string.Join(", ", Enum.GetNames<RecordKind>())}", out why);
            kind = parsed;
        }
        if (q["mode"].ToString() is { Length: > 0 } m)
        {
            if (!Enum.TryParse<UploadMode>(m, true, out var parsed))
                return Fail($"mode '{m}' is not RealTime or Backfill", out why);
            mode = parsed;
        }
        if (q["day"].ToString() is { Length: > 0 } d)
        {
            if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", out var parsed))
                return Fail($"day '{d}' is not yyyy-MM-dd", out why);
            day = parsed;
        }
        if (q["acknowledged"].ToString() is { Length: > 0 } a)
        {
            if (!bool.TryParse(a, out var parsed))
                return Fail($"acknowledged '{a}' is not true or false", out why);
            acknowledged = parsed;
        }
        if (q["complete"].ToString() is { Length: > 0 } c)
        {
            if (!bool.TryParse(c, out var parsed))
                return Fail($"complete '{c}' is not true or false", out why);
            complete = parsed;
        }
        var gate = q["gate"].ToString();
        var ent = q["entCode"].ToString();
        query = new RecordQuery(kind, mode, gate.Length > 0 ? gate : null, day, ent.Length > 0 ? ent : null, acknowledged, complete);
        return true;
    }

    private sealed record RecordCount(RecordKind Kind, UploadMode Mode, string? Gate, DateOnly Day, int Count);

    private static bool Fail(string message, out string why)
    {
        why = message;
        return false;
    }
}
