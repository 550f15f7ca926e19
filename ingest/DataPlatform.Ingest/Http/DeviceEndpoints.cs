using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// <c>POST /api/v1/devices/{deviceId}/heartbeat</c> — any registered device (weighbridge gateways, e-tag and QR
/// readers too) proves it is alive; authenticated like a push, body may be empty.
/// <c>GET /api/v1/devices</c> — the registered devices and their status (online/offline/unknown, last seen), for
/// the operator; it shows no credentials.
/// </summary>
public sealed class DeviceEndpoints(DevicePushes pushes, DeviceRegistry registry, DeviceHealthTracker health, TimeProvider time)
{
    public const string HeartbeatPath = "/api/v1/devices/{deviceId}/heartbeat";
    public const string ListPath = "/api/v1/devices";

    private static readonly DeviceKind[] AnyKind = Enum.GetValues<DeviceKind>();

    public async Task<IResult> HeartbeatAsync(HttpContext context, string deviceId)
    {
        var body = await RequestBody.ReadAsync(context.Request, 4096, context.RequestAborted);
        var (device, denied) = await pushes.AuthenticateAsync(context, deviceId, body.Bytes, AnyKind, openWhenUnregistered: false);
        if (denied is not null) return denied;
        return await pushes.CompleteAsync(context, device, AdapterResult.Alive("heartbeat"), body.Bytes, StatusCodes.Status200OK);
    }

    public IResult List()
    {
        var status = health.Snapshot(time.GetUtcNow()).ToDictionary(h => h.DeviceId);
        return Results.Json(registry.All.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(d => new
        {
            deviceId = d.DeviceId,
            kind = d.Kind.Name(),
            enterpriseId = d.EnterpriseId,
            gateId = d.GateId,
            laneId = d.LaneId,
            status = status.TryGetValue(d.DeviceId, out var h) ? h.Status.ToString().ToLowerInvariant() : "unknown",
            lastSeen = status.TryGetValue(d.DeviceId, out var seen) ? seen.LastSeen : null,
        }));
    }
}
