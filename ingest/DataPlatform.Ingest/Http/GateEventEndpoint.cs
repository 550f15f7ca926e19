using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Devices;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// <c>POST /api/v1/gate-events</c>: the generic JSON gate event, the documented format for vendors without an
/// adapter. 202 once the event is durable; 400 with the reason for anything invalid, whose bytes are kept as a
/// dead letter; 503 when the event could not be made durable (the device retries, and its event id makes the
/// retry harmless). With devices registered, the sender must be a registered generic device (named by
/// <c>X-Device-Id</c> or the event's deviceId) with its credential, and may only report its own gate and lane.
/// </summary>
public sealed class GateEventEndpoint(DevicePushes pushes, TimeProvider time)
{
    public const string Path = "/api/v1/gate-events";

    public async Task<IResult> HandleAsync(HttpContext context, int maxBytes)
    {
        var (body, parsed, device, denied) = await GenericEventPush.ReadAsync(context, pushes, maxBytes, time);
        if (denied is not null) return denied;

        var result = parsed.Event is { } gateEvent
            ? Mismatch(device, gateEvent) is { } why
                ? AdapterResult.Reject(IngestRejectionCodes.DeviceMismatch, why)
                : AdapterResult.Passage(gateEvent, [])
            : AdapterResult.Reject(parsed.Rejection!);
        return await pushes.CompleteAsync(context, device, result, body.Bytes, StatusCodes.Status202Accepted);
    }

    // A registered device speaks only for the enterprise, gate and lane it is registered at (where configured).
    private static string? Mismatch(DeviceRegistration? device, GateEvent e)
    {
        if (device is null) return null;
        if (device.EnterpriseId.Length > 0 && device.EnterpriseId != e.EnterpriseId
            || device.GateId.Length > 0 && device.GateId != e.GateId
            || device.LaneId.Length > 0 && device.LaneId != e.LaneId)
            return $"device '{device.DeviceId}' is registered at {device.EnterpriseId}/{device.GateId}/{device.LaneId}, the event is for {e.PartitionKey}";
        if (e.DeviceId is { } id && id != device.DeviceId)
            return $"the event names device '{id}' but was sent by '{device.DeviceId}'";
        return null;
    }
}
