using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Pictures;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// The steps every device push shares, whatever its format: authenticate the device (401 and an alarm on
/// <see cref="Topics.DeviceEvents"/> when it cannot prove who it is), then either store the pictures and accept
/// the event durably, note a heartbeat, or keep the rejected payload as a dead letter and answer 400 with the
/// reason. Endpoints only read their request and pick a mapper.
/// </summary>
public sealed class DevicePushes(
    DurableIngest ingest,
    DeviceRegistry registry,
    DeviceHealthTracker health,
    IPictureStore pictures,
    AuthAlarmThrottle alarms,
    MissingPictureTracker missingPictures,
    TimeProvider time,
    IOptions<IngestOptions> options,
    ILogger<DevicePushes> logger)
{
    public const string DeviceIdHeader = "X-Device-Id";
    public const string DeviceTokenHeader = "X-Device-Token";

    /// <summary>Who sent the push: the registration, none for an open deployment's
    /// (<see cref="DeviceRegistry.IsOpen"/>) generic endpoint, or a ready 401/403 response.</summary>
    public async Task<(DeviceRegistration? Device, IResult? Denied)> AuthenticateAsync(
        HttpContext context, string? claimedId, byte[] body, DeviceKind[] kinds, bool openWhenUnregistered)
    {
        if (openWhenUnregistered && registry.IsOpen) return (null, null);
        var now = time.GetUtcNow();
        var device = registry.Find(claimedId);
        string? failure;
        if (device is null)
            failure = claimedId is null ? "device not identified (X-Device-Id or the URL names it)" : $"unknown device '{VendorCodes.Clip(claimedId)}'";
        else
            failure = DeviceAuthenticator.Check(device, CredentialsOf(context), body, now, TimeSpan.FromSeconds(options.Value.SignatureMaxSkewSeconds));
        if (failure is not null)
        {
            await RaiseAlarmAsync(context, claimedId, failure, now);
            return (null, Results.Json(new { error = "unauthorized", reason = failure }, statusCode: StatusCodes.Status401Unauthorized));
        }
        if (!kinds.Contains(device!.Kind))
        {
            var reason = $"device '{device.DeviceId}' is registered as {device.Kind.Name()} and may not push here";
            await RaiseAlarmAsync(context, claimedId, reason, now);
            return (null, Results.Json(new { error = "forbidden", reason }, statusCode: StatusCodes.Status403Forbidden));
        }
        return (device, null);
    }

    /// <summary>Acts on a mapped push. <paramref name="acceptedStatus"/> is 202 for the generic API and 200 for
    /// camera pushes (camera firmware treats anything but 200 as a failed upload and re-sends).</summary>
    public async Task<IResult> CompleteAsync(HttpContext context, DeviceRegistration? device, AdapterResult result, byte[] body, int acceptedStatus)
    {
        var ct = context.RequestAborted;
        var now = time.GetUtcNow();
        if (device is not null) health.Seen(device.DeviceId, now);

        if (result.Event is { } gateEvent)
        {
            try
            {
                // Pictures first: the event that refers to them is acknowledged right after.
                foreach (var picture in result.Pictures.Where(p => !p.IsMissing)) await pictures.PutAsync(picture.Bytes, ct);
                await ingest.AcceptAsync(gateEvent, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
            }
            var missing = result.Pictures.Where(p => p.IsMissing).Select(p => p.Ref).ToList();
            if (missing.Count > 0 && device is not null) await NoteMissingPicturesAsync(context, device, gateEvent, missing, now);
            return Results.Json(new { eventId = gateEvent.EventId, status = "accepted", pictures = gateEvent.Pictures, missingPictures = missing },
                statusCode: acceptedStatus);
        }

        if (result.Heartbeat is { } what)
            return Results.Json(new { deviceId = device?.DeviceId, status = "alive", message = what }, statusCode: StatusCodes.Status200OK);

        var rejection = result.Rejection!;
        var rejectionId = await KeepRejectedAsync(device?.DeviceId ?? SourceOf(context), rejection, body, ct);
        return Results.BadRequest(new { error = rejection.Code, reason = rejection.Reason, rejectionId });
    }

    /// <summary>Keeps a refused body as a dead letter on <c>gate.deadletter</c> (a large one whole in the content
    /// store, see <see cref="EvidenceAsync"/>) and returns the rejection id the answer names.</summary>
    public async Task<Guid> KeepRejectedAsync(string source, Rejection rejection, byte[] body, CancellationToken ct)
    {
        var (payload, reason) = await EvidenceAsync(body, rejection.Reason, ct);
        var letter = new DeadLetter(Guid.NewGuid(), time.GetUtcNow(), "ingest", source, rejection.Code, reason, payload);
        await ingest.RejectAsync(letter, ct);
        return letter.Id;
    }

    // The passage is kept with its placeholders; a device that keeps doing it gets one picture_missing alarm per window.
    private async Task NoteMissingPicturesAsync(HttpContext context, DeviceRegistration device, GateEvent gateEvent, List<string> missing, DateTimeOffset now)
    {
        logger.LogWarning("Capture {EventId} of {Device} arrived without {Pictures}; kept with the pictures marked missing",
            gateEvent.EventId, device.DeviceId, string.Join(", ", missing));
        if (missingPictures.Note(device.DeviceId, now) is not { } count) return;
        var roles = string.Join("、", missing.Select(m => m[PictureRef.MissingPrefix.Length..]));
        var alarm = new DeviceEvent(Guid.NewGuid(), DeviceEventKinds.PictureMissing, device.DeviceId, now,
            $"设备{device.DeviceId}的抓拍连续缺少图片（{count} 次，最近一次缺 {roles}），请检查相机抓图与上传",
            $"{count} captures with an empty picture part within the window; last: {gateEvent.EventId} without {roles}");
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.DeviceEvents, device.DeviceId, alarm.ToJson()), context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The passage is durable already; the alarm is the lesser loss and must not fail the push.
            logger.LogError(ex, "Could not publish the picture_missing alarm for {Device}", device.DeviceId);
        }
    }

    /// <summary>An authenticated push that is not a gate event (e.g. an emission reading) still proves the device alive.</summary>
    public void Seen(DeviceRegistration device) => health.Seen(device.DeviceId, time.GetUtcNow());

    public static PushCredentials CredentialsOf(HttpContext context)
    {
        var h = context.Request.Headers;
        return new PushCredentials(
            h.Authorization.FirstOrDefault(),
            h[DeviceTokenHeader].FirstOrDefault(),
            context.Request.Query["token"].FirstOrDefault(),
            h[HmacSignature.TimestampHeader].FirstOrDefault(),
            h[HmacSignature.SignatureHeader].FirstOrDefault());
    }

    public static string SourceOf(HttpContext context) =>
        context.Request.Headers[DeviceIdHeader].FirstOrDefault()
        ?? context.Connection.RemoteIpAddress?.ToString()
        ?? "unknown";

    // A camera push with pictures can be megabytes; a dead letter travels through Kafka, whose default message
    // limit is 1 MB. Large bodies are kept whole in the content store and the letter carries the head and a reference.
    private async Task<(byte[] Payload, string Reason)> EvidenceAsync(byte[] body, string reason, CancellationToken ct)
    {
        var limit = options.Value.MaxEventBytes;
        if (body.Length <= limit) return (body, reason);
        try
        {
            var (reference, _) = await pictures.PutAsync(body, ct);
            return (body[..limit], $"{reason} (payload truncated to {limit} bytes; whole body kept as {reference})");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not keep a rejected body of {Bytes} bytes whole", body.Length);
            return (body[..limit], $"{reason} (payload truncated to {limit} bytes)");
        }
    }

    /// <summary>The <c>auth_failed</c> alarm of a refused guard-booth operator (401 or 403), throttled like the
    /// devices' ones; <paramref name="claimedId"/> is <c>guard:&lt;operatorId&gt;</c> so it never collides with a device id.</summary>
    public Task RaiseOperatorAlarmAsync(HttpContext context, string? claimedId, string reason) =>
        RaiseAlarmAsync(context, claimedId, reason, time.GetUtcNow(), "门岗操作员被拒绝");

    private async Task RaiseAlarmAsync(HttpContext context, string? claimedId, string reason, DateTimeOffset now, string title = "设备认证失败")
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var source = claimedId ?? remote ?? "unknown";
        logger.LogWarning("Push refused from {Source} ({Remote}): {Reason}", source, remote, reason);
        if (!alarms.ShouldRaise(source, now, out var suppressed)) return;
        var alarm = new DeviceEvent(Guid.NewGuid(), DeviceEventKinds.AuthFailed, claimedId ?? "", now,
            $"{title}：{source}（{remote}）{reason}", reason, remote, Suppressed: suppressed);
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.DeviceEvents, claimedId ?? remote ?? "unknown", alarm.ToJson()), context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The 401 matters more than the alarm; a broker outage must not turn refusals into 500s.
            logger.LogError(ex, "Could not publish the authentication alarm for {Source}", source);
        }
    }
}
