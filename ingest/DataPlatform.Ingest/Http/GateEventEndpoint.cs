using DataPlatform.Gate;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// <c>POST /api/v1/gate-events</c>: the generic JSON gate event. 202 once the event is durable; 400 with the
/// reason for anything invalid, whose bytes are kept as a dead letter; 503 when the event could not be made
/// durable (the device retries, and its event id makes the retry harmless).
/// </summary>
public sealed class GateEventEndpoint(DurableIngest ingest, TimeProvider time)
{
    public const string Path = "/api/v1/gate-events";

    public async Task<IResult> HandleAsync(HttpContext context, int maxBytes)
    {
        var ct = context.RequestAborted;
        var body = await RequestBody.ReadAsync(context.Request, maxBytes, ct);
        var now = time.GetUtcNow();
        var parsed = body.TooLarge
            ? GateEventParseResult.Failure(RejectionCodes.TooLarge, $"body exceeds {maxBytes} bytes")
            : GateEventCodec.Parse(body.Bytes, now);

        if (parsed.Event is { } gateEvent)
        {
            try
            {
                await ingest.AcceptAsync(gateEvent, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
            }
            return Results.Accepted(value: new { eventId = gateEvent.EventId, status = "accepted" });
        }

        var rejection = parsed.Rejection!;
        var letter = new DeadLetter(Guid.NewGuid(), now, "ingest", Source(context), rejection.Code, rejection.Reason, body.Bytes);
        await ingest.RejectAsync(letter, ct);
        return Results.BadRequest(new { error = rejection.Code, reason = rejection.Reason, rejectionId = letter.Id });
    }

    private static string Source(HttpContext context) =>
        context.Request.Headers["X-Device-Id"].FirstOrDefault()
        ?? context.Connection.RemoteIpAddress?.ToString()
        ?? "unknown";
}
