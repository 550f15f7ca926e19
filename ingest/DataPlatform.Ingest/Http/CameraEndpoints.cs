using DataPlatform.Ingest.Adapters.Dahua;
using DataPlatform.Ingest.Adapters.Hikvision;
using DataPlatform.Ingest.Devices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// Camera push listeners. A camera is configured with one of these URLs as its HTTP push target (add
/// <c>?token=…</c> when its firmware cannot send headers):
/// <list type="bullet">
/// <item><c>POST /api/v1/cameras/hikvision/{deviceId}</c> — ISAPI EventNotificationAlert (XML or JSON, alone or multipart with pictures).</item>
/// <item><c>POST /api/v1/cameras/dahua/{deviceId}</c>, or the Dahua ITC paths <c>/NotificationInfo/TollgateInfo</c>
/// and <c>/NotificationInfo/KeepAlive</c> where the body's DeviceID (or <c>X-Device-Id</c>) names the device.</item>
/// </list>
/// Cameras must be registered (they carry no enterprise or gate of their own), also in an open deployment.
/// </summary>
public sealed class CameraEndpoints(DevicePushes pushes, TimeProvider time, IOptions<IngestOptions> options)
{
    public const string HikvisionPath = "/api/v1/cameras/hikvision/{deviceId}";
    public const string DahuaPath = "/api/v1/cameras/dahua/{deviceId}";
    public const string DahuaTollgatePath = "/NotificationInfo/TollgateInfo";
    public const string DahuaKeepAlivePath = "/NotificationInfo/KeepAlive";

    private static readonly DeviceKind[] Hikvision = [DeviceKind.CameraHikvision];
    private static readonly DeviceKind[] Dahua = [DeviceKind.CameraDahua];

    public async Task<IResult> HikvisionAsync(HttpContext context, string deviceId)
    {
        var o = options.Value;
        var body = await RequestBody.ReadAsync(context.Request, o.MaxPushBytes, context.RequestAborted);
        var (device, denied) = await pushes.AuthenticateAsync(context, deviceId, body.Bytes, Hikvision, openWhenUnregistered: false);
        if (denied is not null) return denied;
        var result = body.TooLarge
            ? Adapters.AdapterResult.Reject(Gate.RejectionCodes.TooLarge, $"push exceeds {o.MaxPushBytes} bytes")
            : HikvisionAnprMapper.Map(body.Bytes, context.Request.ContentType, device!, time.GetUtcNow(), o.MaxPictureBytes);
        return await pushes.CompleteAsync(context, device, result, body.Bytes, StatusCodes.Status200OK);
    }

    public async Task<IResult> DahuaAsync(HttpContext context, string? deviceId)
    {
        var o = options.Value;
        var body = await RequestBody.ReadAsync(context.Request, o.MaxPushBytes, context.RequestAborted);
        var claimed = deviceId
            ?? context.Request.Headers[DevicePushes.DeviceIdHeader].FirstOrDefault()
            ?? (body.TooLarge ? null : DahuaTollgateMapper.ClaimedDeviceId(body.Bytes));
        var (device, denied) = await pushes.AuthenticateAsync(context, claimed, body.Bytes, Dahua, openWhenUnregistered: false);
        if (denied is not null) return denied;
        var result = body.TooLarge
            ? Adapters.AdapterResult.Reject(Gate.RejectionCodes.TooLarge, $"push exceeds {o.MaxPushBytes} bytes")
            : DahuaTollgateMapper.Map(body.Bytes, device!, time.GetUtcNow(), o.MaxPictureBytes);
        return await pushes.CompleteAsync(context, device, result, body.Bytes, StatusCodes.Status200OK);
    }
}
