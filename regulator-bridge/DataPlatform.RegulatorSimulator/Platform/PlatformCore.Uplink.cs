using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>One attempt, from bytes to the answer: envelope, enterprise, signature, freshness and nonce, method,
/// payload schema, fault draw, store (dedupe by record id), signed answer. Verification runs before the fault draw,
/// so a refused attempt never also suffers a fault and the seeded sequence depends only on acceptable attempts.</summary>
internal sealed partial class PlatformCore
{
    internal const string Http = "http";
    internal const string Tcp = "tcp";

    private static readonly JsonSerializerOptions DataJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly TimeSpan DefaultSlow = TimeSpan.FromSeconds(2);

    public async Task<Reply> ProcessAsync(string? body, CompiledProfile profile, string transport, string? pathMethod)
    {
        var now = Now;
        var style = profile.Profile.Envelope;
        var ackMethod = transport == Tcp ? PlatformMethods.Ack : null;

        if (!EnvelopeReader.TryRead(body, out var envelope, out var why))
            return Refuse(profile, transport, null, null, null, RefusalReason.MalformedEnvelope, why, null, ackMethod);
        var method = envelope.Get(style.MethodField);
        var nonce = envelope.Get(style.NonceField);
        var ent = envelope.Get(style.EntCodeField);
        if (method is null)
            return Refuse(profile, transport, null, null, ent, RefusalReason.MalformedEnvelope, $"缺少字段 {style.MethodField}", nonce, ackMethod);
        if (pathMethod is not null && pathMethod != method)
            return Refuse(profile, transport, method, null, ent, RefusalReason.MalformedEnvelope, $"路径方法 {pathMethod} 与报文方法 {method} 不一致", nonce, ackMethod);
        if (ent is null)
            return Refuse(profile, transport, method, null, null, RefusalReason.MalformedEnvelope, $"缺少字段 {style.EntCodeField}", nonce, ackMethod);
        if (!TryGetEnterprise(ent, out var enterprise))
            return Refuse(profile, transport, method, null, ent, RefusalReason.UnknownEnterprise, $"企业编码 {Clip(ent)} 未在平台登记", nonce, ackMethod);
        if (enterprise.AppId.Length > 0 && envelope.Get(style.AppIdField) != enterprise.AppId)
            return Refuse(profile, transport, method, null, ent, RefusalReason.UnknownEnterprise, $"应用编号 {Clip(envelope.Get(style.AppIdField) ?? "")} 与企业 {ent} 不符", nonce, ackMethod);

        var verifier = new EnvelopeVerifier(style, enterprise.Key);
        var window = NoncesFor(profile, ent);
        EnvelopeVerification verification;
        lock (window)
            verification = verifier.VerifyCommand(body, now, window);
        if (verification.Rejection is { } rejection)
            return Refuse(profile, transport, method, null, ent, Map(rejection.Reason), rejection.Message, nonce, ackMethod);

        RecordKind kind;
        if (transport == Tcp && method == PlatformMethods.Login)
        {
            Store.Log(new AttemptEntry(now, transport, method, null, AttemptResult.NotRecord, null, null, "登录"));
            return new Reply(Answer(profile, "成功", "{}", nonce, ackMethod, ent), null, null, ent);
        }
        if (!TryKind(profile, method, out kind))
            return Refuse(profile, transport, method, null, ent, RefusalReason.UnknownMethod, $"未知方法 {Clip(method)}", nonce, ackMethod, verified: true);

        var data = envelope.Get(style.DataField);
        var context = new Attempt(profile, transport, method, kind, ent, nonce, ackMethod, now);
        return kind switch
        {
            RecordKind.Heartbeat or RecordKind.CommandPoll or RecordKind.CommandReceipt => await ServiceAsync(context, data).ConfigureAwait(false),
            _ => await UploadAsync(context, data).ConfigureAwait(false),
        };
    }

    /// <summary>A TCP line that could not even be framed (too long, not UTF-8).</summary>
    public Reply RefuseUnreadable(CompiledProfile profile, string transport, string message) =>
        Refuse(profile, transport, null, null, null, RefusalReason.MalformedEnvelope, message, null, transport == Tcp ? PlatformMethods.Ack : null);

    private async Task<Reply> UploadAsync(Attempt a, string? data)
    {
        var inspection = UploadInspector.Inspect(a.Profile, a.Kind, data, Store.HasFileId);
        if (!inspection.IsAccepted)
            return Refuse(a.Profile, a.Transport, a.Method, inspection.RecordId.Length > 0 ? inspection.RecordId : null, a.Ent,
                RefusalReason.BadSchema, inspection.Refusal!, a.Nonce, a.AckMethod, verified: true);

        var fault = Faults.Draw(a.Kind);
        if (fault is { } before && before.EffectiveStage == FaultStage.BeforeStore)
        {
            if (before.Kind != FaultKind.SlowResponse)
                return FailBeforeStore(a, before, inspection.RecordId, UploadAnswerData(inspection.RecordId, null, false));
            await Task.Delay(before.Delay ?? DefaultSlow, Time).ConfigureAwait(false);
        }

        var fileId = a.Kind == RecordKind.Image ? FileIdFor(a.Ent, inspection.RecordId) : null;
        var candidate = new StoredRecord(
            inspection.RecordId, a.Kind, a.Ent, inspection.GateId, inspection.LaneId, inspection.ModeFlag, inspection.Mode,
            inspection.EventTime, Now, null, inspection.Completeness, a.Profile.Name, 0, fileId, data!);
        var (isNew, held) = Store.Store(candidate);
        var after = fault is { EffectiveStage: FaultStage.AfterStore } ? fault : null;
        Store.Log(new AttemptEntry(a.At, a.Transport, a.Method, held.RecordId, isNew ? AttemptResult.Accepted : AttemptResult.Duplicate, null, fault?.Kind,
            isNew ? inspection.Completeness.Describe() : "重复记录，已忽略"));

        var claimDuplicate = !isNew || (after?.Kind == FaultKind.DuplicateAck && a.Transport == Http);
        var answerData = UploadAnswerData(held.RecordId, held.FileId, claimDuplicate);
        return AfterStore(a, after, held.RecordId, answerData, claimDuplicate);
    }

    private async Task<Reply> ServiceAsync(Attempt a, string? data)
    {
        if (!UploadInspector.TryReadFields(a.Profile, data, out var fields, out var why))
            return Refuse(a.Profile, a.Transport, a.Method, null, a.Ent, RefusalReason.BadSchema, why, a.Nonce, a.AckMethod, verified: true);
        if (a.Kind == RecordKind.CommandReceipt && (!fields.ContainsKey(FieldIds.CommandId) || !fields.ContainsKey(FieldIds.ReceiptStatus)))
            return Refuse(a.Profile, a.Transport, a.Method, null, a.Ent, RefusalReason.BadSchema,
                $"回执缺少 {a.Profile.Fields.Wire(FieldIds.CommandId)} 或 {a.Profile.Fields.Wire(FieldIds.ReceiptStatus)}", a.Nonce, a.AckMethod, verified: true);

        var fault = Faults.Draw(a.Kind);
        if (fault is { } before && before.EffectiveStage == FaultStage.BeforeStore)
        {
            if (before.Kind != FaultKind.SlowResponse)
                return FailBeforeStore(a, before, null, "{}");
            await Task.Delay(before.Delay ?? DefaultSlow, Time).ConfigureAwait(false);
        }

        string answerData = "{}";
        string message;
        switch (a.Kind)
        {
            case RecordKind.Heartbeat:
                Store.CountHeartbeat();
                message = "心跳";
                break;
            case RecordKind.CommandPoll:
                var commands = Commands.TakeForPoll(a.Ent, a.Profile);
                var array = new JsonArray(commands.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
                answerData = new JsonObject { [PlatformMethods.CommandsField] = array }.ToJsonString(DataJson);
                message = $"下发指令 {commands.Count} 条";
                break;
            default:
                var commandId = fields[FieldIds.CommandId];
                var known = Commands.RecordReceipt(a.Ent, commandId, fields[FieldIds.ReceiptStatus], fields.GetValueOrDefault(FieldIds.StatusText), Now);
                message = known ? $"回执 {commandId}" : $"回执 {commandId}：平台无此指令";
                break;
        }
        Store.Log(new AttemptEntry(a.At, a.Transport, a.Method, null, AttemptResult.NotRecord, null, fault?.Kind, message));
        var after = fault is { EffectiveStage: FaultStage.AfterStore } ? fault : null;
        return AfterStore(a, after, null, answerData, duplicate: false);
    }

    private Reply FailBeforeStore(Attempt a, FaultRule fault, string? recordId, string answerData)
    {
        Store.Log(new AttemptEntry(a.At, a.Transport, a.Method, recordId, AttemptResult.FailedBeforeStore, null, fault.Kind, "故障注入：未入库"));
        var body = fault.Kind switch
        {
            FaultKind.Refusal => RefusalBody(a, fault),
            FaultKind.ServerError => ResponsesFor(a.Profile).Build(PlatformCodes.InternalError, "平台内部错误（模拟）", null, Now, a.Nonce, a.AckMethod, a.Ent),
            FaultKind.BadResponseSignature => CorruptSignature(ResponsesFor(a.Profile).Build(a.Profile.Profile.Envelope.SuccessCode, "成功", answerData, Now, a.Nonce, a.AckMethod, a.Ent), a.Profile),
            _ => null,
        };
        return new Reply(body, fault, null, a.Ent);
    }

    private Reply AfterStore(Attempt a, FaultRule? fault, string? recordId, string answerData, bool duplicate)
    {
        var style = a.Profile.Profile.Envelope;
        var code = duplicate && style.DuplicateCode.Length > 0 ? style.DuplicateCode : style.SuccessCode;
        var message = duplicate ? "重复记录，已忽略" : "成功";
        switch (fault?.Kind)
        {
            case null or FaultKind.SlowResponse or FaultKind.DuplicateAck:
                return new Reply(ResponsesFor(a.Profile).Build(code, message, answerData, Now, a.Nonce, a.AckMethod, a.Ent), fault, recordId, a.Ent);
            case FaultKind.Refusal:
                return new Reply(RefusalBody(a, fault), fault, null, a.Ent);
            case FaultKind.ServerError:
                return new Reply(ResponsesFor(a.Profile).Build(PlatformCodes.InternalError, "平台内部错误（模拟）", null, Now, a.Nonce, a.AckMethod, a.Ent), fault, null, a.Ent);
            case FaultKind.BadResponseSignature:
                return new Reply(CorruptSignature(ResponsesFor(a.Profile).Build(code, message, answerData, Now, a.Nonce, a.AckMethod, a.Ent), a.Profile), fault, null, a.Ent);
            default:
                // Timeout, DropConnection, LostAck: the record is kept, nothing reaches the client.
                return new Reply(null, fault, null, a.Ent);
        }
    }

    private string RefusalBody(Attempt a, FaultRule fault) =>
        ResponsesFor(a.Profile).Build(fault.Code.Length > 0 ? fault.Code : PlatformCodes.BusinessRefusal, "业务拒绝（模拟故障）", null, Now, a.Nonce, a.AckMethod, a.Ent);

    private Reply Refuse(
        CompiledProfile profile, string transport, string? method, string? recordId, string? ent, RefusalReason reason, string message,
        string? nonce, string? ackMethod, bool verified = false)
    {
        Store.Log(new AttemptEntry(Now, transport, method, recordId, AttemptResult.Refused, reason, null, message));
        var body = ResponsesFor(profile).Build(CodeOf(reason), message, null, Now, nonce, ackMethod, ent);
        return new Reply(body, null, null, verified ? ent : null);
    }

    private string Answer(CompiledProfile profile, string message, string data, string? nonce, string? ackMethod, string ent) =>
        ResponsesFor(profile).Build(profile.Profile.Envelope.SuccessCode, message, data, Now, nonce, ackMethod, ent);

    private static string UploadAnswerData(string recordId, string? fileId, bool duplicate)
    {
        var o = new JsonObject { [FieldIds.RecordId] = recordId };
        if (fileId is not null)
            o[FieldIds.FileId] = fileId;
        o[PlatformMethods.DuplicateField] = duplicate;
        return o.ToJsonString(DataJson);
    }

    /// <summary>Deterministic per enterprise and image id, so a re-upload gets the same file id.</summary>
    private static string FileIdFor(string ent, string imageId) =>
        "F-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ent + "\n" + imageId)))[..24];

    private static bool TryKind(CompiledProfile profile, string method, out RecordKind kind)
    {
        foreach (var k in Enum.GetValues<RecordKind>())
        {
            if (profile.MethodFor(k) == method)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    internal static string CodeOf(RefusalReason reason) => reason switch
    {
        RefusalReason.BadSignature => PlatformCodes.BadSignature,
        RefusalReason.Expired => PlatformCodes.Expired,
        RefusalReason.Replayed => PlatformCodes.Replayed,
        RefusalReason.UnknownEnterprise => PlatformCodes.UnknownEnterprise,
        RefusalReason.UnknownMethod => PlatformCodes.UnknownMethod,
        RefusalReason.BadSchema => PlatformCodes.BadSchema,
        _ => PlatformCodes.MalformedEnvelope,
    };

    private static RefusalReason Map(EnvelopeRejectionReason reason) => reason switch
    {
        EnvelopeRejectionReason.BadSignature => RefusalReason.BadSignature,
        EnvelopeRejectionReason.Expired => RefusalReason.Expired,
        EnvelopeRejectionReason.Replayed => RefusalReason.Replayed,
        _ => RefusalReason.MalformedEnvelope,
    };

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private sealed record Attempt(CompiledProfile Profile, string Transport, string Method, RecordKind Kind, string Ent, string? Nonce, string? AckMethod, DateTimeOffset At);
}
