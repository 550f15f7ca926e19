using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>
/// <c>POST /api/v1/work-area/sightings</c>: a work-area camera (堆场, 料场 …) reports a vehicle or machine it saw,
/// in the generic gate-event JSON. The event goes to <see cref="Topics.WorkAreaSightings"/>, not to
/// <c>gate.raw</c>: a sighting inside the plant is no passage through a gate, so it must never reach the passage
/// ledger, the gate decision or the regulator. Same rules as the generic endpoint otherwise: a registered generic
/// device with its credential (open when no device is registered), 202 once durable, 400 + dead letter.
/// </summary>
public sealed class WorkAreaSightingEndpoint(DevicePushes pushes, DurableIngest ingest, TimeProvider time, IOptions<IngestOptions> options)
{
    public const string Path = "/api/v1/work-area/sightings";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, parsed, device, denied) = await GenericEventPush.ReadAsync(context, pushes, options.Value.MaxEventBytes, time);
        if (denied is not null) return denied;
        if (parsed.Event is not { } e)
            return await pushes.CompleteAsync(context, device, AdapterResult.Reject(parsed.Rejection!), body.Bytes, StatusCodes.Status202Accepted);
        if (device is not null && (device.GateId.Length > 0 && device.GateId != e.GateId || device.EnterpriseId.Length > 0 && device.EnterpriseId != e.EnterpriseId))
            return await pushes.CompleteAsync(context, device, AdapterResult.Reject(IngestRejectionCodes.DeviceMismatch,
                $"device '{device.DeviceId}' is registered at {device.EnterpriseId}/{device.GateId}, the sighting is for {e.PartitionKey}"), body.Bytes, StatusCodes.Status202Accepted);
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.WorkAreaSightings, e.PartitionKey, GateEventCodec.Serialize(e)), context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
        }
        return Results.Json(new { eventId = e.EventId, status = "accepted" }, statusCode: StatusCodes.Status202Accepted);
    }
}
