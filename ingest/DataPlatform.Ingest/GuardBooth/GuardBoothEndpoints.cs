using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.Gate.Registers;
using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Pictures;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>
/// The guard booth's API (spec §1.2, §1.3): <c>POST /api/v1/guard-booth/in-plant-vehicles</c> and
/// <c>/non-road-machinery</c> register or update a record (keyed by its registration code; pictures inline as
/// base64 or as <c>sha256:</c> references of the picture store), <c>/manual-passages</c> records a passage the
/// cameras missed. Every request is made by an authenticated operator; changes go through the durable journal to
/// <see cref="Topics.RegistryChanges"/>, where processing writes the register, the before/after audit diff and
/// feeds the gate's registry. Invalid input: 400 with code and Chinese reason, body kept as a dead letter.
/// </summary>
public sealed class GuardBoothEndpoints(
    GuardBoothAccess access,
    DurableIngest ingest,
    IPictureStore pictures,
    TimeProvider time,
    IOptions<IngestOptions> options,
    WorkAreaSightingEndpoint sightings)
{
    /// <summary>The work-area cameras' endpoint, mapped with the booth's (the plant-internal side of ingest).</summary>
    public WorkAreaSightingEndpoint Sightings => sightings;

    public const string InPlantPath = "/api/v1/guard-booth/in-plant-vehicles";
    public const string NonRoadPath = "/api/v1/guard-booth/non-road-machinery";
    public const string ManualPassagePath = "/api/v1/guard-booth/manual-passages";

    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "enterpriseId" };

    public Task<IResult> InPlantAsync(HttpContext context) => RegisterAsync(context, RegisterKind.InPlant);

    public Task<IResult> NonRoadAsync(HttpContext context) => RegisterAsync(context, RegisterKind.NonRoad);

    private async Task<IResult> RegisterAsync(HttpContext context, RegisterKind kind)
    {
        var (body, who, json, done) = await BeginAsync(context);
        if (done is not null) return done;
        var ct = context.RequestAborted;

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = RegisterFields.Of(kind).ToDictionary(f => f.Name, StringComparer.Ordinal);
        string? enterprise = null;
        foreach (var property in json!.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (property.Value.ValueKind != JsonValueKind.String)
                return await RejectAsync(body.Bytes, who!, new(RejectionCodes.InvalidField, $"字段“{Clip(property.Name)}”须为字符串"), ct);
            var text = property.Value.GetString()!;
            if (property.Name == "enterpriseId") { enterprise = text.Trim(); continue; }
            if (!names.TryGetValue(property.Name, out var spec))
                return await RejectAsync(body.Bytes, who!, new(RejectionCodes.InvalidField, $"未知字段“{Clip(property.Name)}”（{kind.ChineseName}登记不含此项）"), ct);
            if (spec.Kind == RegisterValueKind.Picture && text.Length > 0)
            {
                var (reference, rejection) = await StorePictureAsync(spec.Name, text, ct);
                if (rejection is not null) return await RejectAsync(body.Bytes, who!, rejection, ct);
                text = reference!;
            }
            raw[property.Name] = text;
        }
        if (EnterpriseOf(who!, enterprise) is not { } enterpriseId)
            return await RejectAsync(body.Bytes, who!, new(RejectionCodes.InvalidField, $"操作员 {who!.OperatorId} 无权登记企业“{Clip(enterprise ?? "")}”的车辆"), ct);

        var (record, refused) = RegisterRecordReader.Read(kind, enterpriseId, raw);
        if (refused is not null) return await RejectAsync(body.Bytes, who!, refused, ct);

        var change = new RegistryChange(Guid.CreateVersion7(), kind.WireName, record!.EnterpriseId, record.Key,
            RegistryChange.GuardBoothSource, who!.OperatorId, time.GetUtcNow(), record.Fields, NameOf(who));
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.RegistryChanges, change.PartitionKey, change.ToJson()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
        }
        return Results.Json(new { changeId = change.ChangeId, register = change.Register, recordKey = change.RecordKey, status = "accepted" },
            statusCode: StatusCodes.Status202Accepted);
    }

    public async Task<IResult> ManualPassageAsync(HttpContext context)
    {
        var (body, who, json, done) = await BeginAsync(context);
        if (done is not null) return done;
        var ct = context.RequestAborted;

        // Pictures are decoded and checked while reading; stored only once the passage is known to be valid.
        var uploads = new List<byte[]>();
        var (gateEvent, note, rejection) = ManualPassage.Read(json!.RootElement, who!.OperatorId, who.EnterpriseId, time.GetUtcNow(),
            text => CheckPicture("pictures", text, uploads));
        if (rejection is null && EnterpriseOf(who, gateEvent!.EnterpriseId) is null)
            rejection = new(RejectionCodes.InvalidField, $"操作员 {who.OperatorId} 无权为企业“{Clip(gateEvent.EnterpriseId)}”补录通行记录");
        if (rejection is not null) return await RejectAsync(body.Bytes, who, rejection, ct);

        var e = gateEvent!;
        var audit = new RegistryChange(ManualPassage.AuditId(e.EventId), RegistryChange.PassageRegister, e.EnterpriseId, e.EventId,
            RegistryChange.GuardBoothSource, who.OperatorId, time.GetUtcNow(), new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["eventId"] = e.EventId, ["gateId"] = e.GateId, ["laneId"] = e.LaneId, ["direction"] = ((int)e.Direction).ToString(),
                ["passTime"] = ChinaTime.From(e.PassTime).ToString("yyyy-MM-dd HH:mm:ss"), ["plateNo"] = e.Plate.Text,
                ["plateColor"] = e.PlateColor.ToWireName(), ["note"] = note, ["pictures"] = string.Join(",", e.Pictures),
            }, NameOf(who));
        try
        {
            foreach (var bytes in uploads) await pictures.PutAsync(bytes, ct);
            await ingest.AcceptAsync(e, ct);
            await ingest.AcceptAsync(new JournalEntry(Topics.RegistryChanges, audit.PartitionKey, audit.ToJson()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
        }
        return Results.Json(new { eventId = e.EventId, status = "accepted", pictures = e.Pictures }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>What every guard-booth push does first: reads the body within its limit, authenticates the operator,
    /// and refuses (kept as a dead letter) a body too large or not a JSON object. <c>Done</c> is the answer when the
    /// push stops there; otherwise the operator and the JSON are set.</summary>
    private async Task<(RequestBody Body, GuardOperatorOptions? Who, JsonDocument? Json, IResult? Done)> BeginAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, options.Value.MaxPushBytes, context.RequestAborted);
        var (who, denied) = await access.AuthenticateAsync(context, body.Bytes);
        if (denied is not null) return (body, who, null, denied);
        var ct = context.RequestAborted;
        if (body.TooLarge)
            return (body, who, null, await RejectAsync(body.Bytes, who!, new(RejectionCodes.TooLarge, $"请求超过 {options.Value.MaxPushBytes} 字节"), ct));
        if (!TryParse(body.Bytes, out var json))
            return (body, who, null, await RejectAsync(body.Bytes, who!, new(RejectionCodes.BadJson, "请求内容不是有效的 JSON"), ct));
        return (body, who, json, null);
    }

    private async Task<IResult> RejectAsync(byte[] body, GuardOperatorOptions who, Rejection rejection, CancellationToken ct)
    {
        var letter = new DeadLetter(Guid.NewGuid(), time.GetUtcNow(), "ingest", ManualPassage.DevicePrefix + who.OperatorId,
            rejection.Code, rejection.Reason, body.Length <= options.Value.MaxEventBytes ? body : body[..options.Value.MaxEventBytes]);
        await ingest.RejectAsync(letter, ct);
        return Results.BadRequest(new { error = rejection.Code, reason = rejection.Reason, rejectionId = letter.Id });
    }

    private async Task<(string? Ref, Rejection? Rejection)> StorePictureAsync(string role, string text, CancellationToken ct)
    {
        var uploads = new List<byte[]>();
        var (reference, rejection) = CheckPicture(role, text, uploads);
        if (rejection is not null) return (null, rejection);
        foreach (var bytes in uploads) await pictures.PutAsync(bytes, ct);
        if (uploads.Count == 0 && !await pictures.ExistsAsync(reference!, ct))
            return (null, new(IngestRejectionCodes.InvalidPicture, $"图片“{role}”引用 {Clip(reference!)} 不存在"));
        return (reference, null);
    }

    private (string? Ref, Rejection? Rejection) CheckPicture(string role, string text, List<byte[]> uploads)
    {
        if (text.StartsWith(PictureRef.Prefix, StringComparison.Ordinal)) return (text, null);
        byte[] bytes;
        try { bytes = Convert.FromBase64String(text); }
        catch (FormatException) { return (null, new(IngestRejectionCodes.InvalidPicture, $"图片“{role}”不是有效的 base64 或 sha256 引用")); }
        if (PictureCheck.Check(role, bytes, options.Value.MaxPictureBytes) is { } bad)
            return (null, new(bad.Code, $"图片“{role}”无效：{bad.Reason}"));
        uploads.Add(bytes);
        return (PictureRef.Of(bytes), null);
    }

    private static string? EnterpriseOf(GuardOperatorOptions who, string? requested)
    {
        var own = who.EnterpriseId.Trim();
        if (string.IsNullOrEmpty(requested)) return own.Length > 0 ? own : null;
        return own.Length == 0 || own == requested ? requested : null;
    }

    private static string? NameOf(GuardOperatorOptions who) => who.Name.Trim() is { Length: > 0 } name ? name : null;

    private static bool TryParse(byte[] bytes, out JsonDocument json)
    {
        json = JsonBody.TryParse(bytes, out _)!;
        return json is { RootElement.ValueKind: JsonValueKind.Object };
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
