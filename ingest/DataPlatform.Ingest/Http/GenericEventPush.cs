using DataPlatform.Gate;
using DataPlatform.Ingest.Devices;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>A push to one of the generic JSON endpoints (gate events, work-area sightings) as far as they read it
/// alike: the body within its limit, parsed as a gate event, and the sender (<c>X-Device-Id</c> or the event's
/// deviceId) authenticated as a registered generic device — open when no device is registered.</summary>
public readonly record struct GenericEventPush(RequestBody Body, GateEventParseResult Parsed, DeviceRegistration? Device, IResult? Denied)
{
    private static readonly DeviceKind[] Kinds = [DeviceKind.Generic];

    public static async Task<GenericEventPush> ReadAsync(HttpContext context, DevicePushes pushes, int maxBytes, TimeProvider time)
    {
        var body = await RequestBody.ReadAsync(context.Request, maxBytes, context.RequestAborted);
        var parsed = body.TooLarge
            ? GateEventParseResult.Failure(RejectionCodes.TooLarge, $"body exceeds {maxBytes} bytes")
            : GateEventCodec.Parse(body.Bytes, time.GetUtcNow());
        var claimed = context.Request.Headers[DevicePushes.DeviceIdHeader].FirstOrDefault() ?? parsed.Event?.DeviceId;
        var (device, denied) = await pushes.AuthenticateAsync(context, claimed, body.Bytes, Kinds, openWhenUnregistered: true);
        return new GenericEventPush(body, parsed, device, denied);
    }
}
