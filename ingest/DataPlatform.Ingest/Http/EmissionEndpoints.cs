using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Adapters.Emission;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// <c>POST /api/v1/emission/opacity/{deviceId}</c>: a registered smoke-opacity meter (kind <c>opacity-meter</c>)
/// pushes one reading (<see cref="OpacityReadingMapper"/>). 202 once durable on <see cref="Topics.EmissionReadings"/>;
/// 400 with the reason for anything invalid, the body kept as a dead letter; 401/403 as for every device push.
/// </summary>
public sealed class EmissionEndpoints(DevicePushes pushes, DurableIngest ingest, TimeProvider time, IOptions<IngestOptions> options)
{
    public const string OpacityPath = "/api/v1/emission/opacity/{deviceId}";

    private static readonly DeviceKind[] Meters = [DeviceKind.OpacityMeter];

    public async Task<IResult> OpacityAsync(HttpContext context, string deviceId)
    {
        var limit = options.Value.MaxEventBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted);
        var (device, denied) = await pushes.AuthenticateAsync(context, deviceId, body.Bytes, Meters, openWhenUnregistered: false);
        if (denied is not null) return denied;
        var result = body.TooLarge
            ? new OpacityPushResult(null, new Gate.Rejection(Gate.RejectionCodes.TooLarge, $"body exceeds {limit} bytes"))
            : OpacityReadingMapper.Map(body.Bytes, device!, time.GetUtcNow());
        if (result.Reading is not { } reading)
            return await pushes.CompleteAsync(context, device, AdapterResult.Reject(result.Rejection!), body.Bytes, StatusCodes.Status202Accepted);
        pushes.Seen(device!);
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.EmissionReadings, reading.Key, reading.ToJson()), context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
        }
        return Results.Json(new { readingId = reading.ReadingId, status = "accepted" }, statusCode: StatusCodes.Status202Accepted);
    }
}
