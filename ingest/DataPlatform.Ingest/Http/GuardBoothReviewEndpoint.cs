using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// <c>POST /api/v1/guard-booth/{deviceId}/reviews</c> — the guard booth's terminal corrects, approves or rejects a
/// passage (a <see cref="ReviewActionMessage"/> as JSON; <c>source</c> is set here from the authenticated device).
/// Authenticated like any device push (token or HMAC of a <c>generic</c> registration). <c>202</c> once the action
/// is durable on <c>review.actions</c> (journal first in standalone mode); processing applies it to the review
/// ledger. A malformed action gets <c>400</c> with the reason and is kept in <c>rejected_payloads</c>.
/// </summary>
public sealed class GuardBoothReviewEndpoint(DevicePushes pushes, DurableIngest ingest, DeviceHealthTracker health, TimeProvider time)
{
    public const string Path = "/api/v1/guard-booth/{deviceId}/reviews";

    private static readonly DeviceKind[] GuardBooth = [DeviceKind.Generic];

    public async Task<IResult> HandleAsync(HttpContext context, string deviceId)
    {
        var ct = context.RequestAborted;
        var body = await RequestBody.ReadAsync(context.Request, ReviewActionMessage.MaxBytes + 1, ct);
        var (device, denied) = await pushes.AuthenticateAsync(context, deviceId, body.Bytes, GuardBooth, openWhenUnregistered: false);
        if (denied is not null) return denied;
        var now = time.GetUtcNow();
        health.Seen(device!.DeviceId, now);
        var (action, error) = ReviewActionMessage.Parse(body.Bytes);
        if (action is null)
        {
            var letter = new DeadLetter(Guid.NewGuid(), now, "ingest", device.DeviceId, "invalid_review", error!, body.Bytes);
            await ingest.RejectAsync(letter, ct);
            return Results.BadRequest(new { error = "invalid_review", reason = error, rejectionId = letter.Id });
        }
        action = action with { Source = "guard-booth:" + device.DeviceId };
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.ReviewActions, action.Key, action.ToJson()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
        }
        return Results.Json(new { actionId = action.ActionId, passageId = action.PassageId, status = "accepted" },
            statusCode: StatusCodes.Status202Accepted);
    }
}
