using DataPlatform.Ingest.Http;
using DataPlatform.Ingest.Journal;
using DataPlatform.Ingest.Publishing;
using DataPlatform.Streams;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>
/// <c>POST /api/v1/guard-booth/reviews</c> — a guard operator approves, corrects or rejects a passage (a
/// <see cref="ReviewActionMessage"/> as JSON). Authenticated like the booth's register and manual-passage endpoints
/// (<see cref="GuardBoothAccess"/>): the operator recorded is the one the credential proved; a body naming another
/// operator is refused (403 + alarm), never rewritten. <c>202</c> once the action is durable on <c>review.actions</c>
/// (journal first in standalone mode); processing applies it to the review ledger. A malformed action gets
/// <c>400</c> with the reason and is kept in <c>rejected_payloads</c> (source <c>guard:&lt;operatorId&gt;</c>).
/// </summary>
public sealed class GuardBoothReviewEndpoint(GuardBoothAccess access, DurableIngest ingest, TimeProvider time)
{
    public const string Path = "/api/v1/guard-booth/reviews";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var body = await RequestBody.ReadAsync(context.Request, ReviewActionMessage.MaxBytes + 1, ct);
        var (who, denied) = await access.AuthenticateAsync(context, body.Bytes);
        if (denied is not null) return denied;
        var read = GuardBoothReview.Read(body.Bytes, who!);
        if (read.ClaimedOperator is { } claimed) return await access.ImpersonationAsync(context, who!, claimed);
        if (read.Action is not { } action)
        {
            var letter = new DeadLetter(Guid.NewGuid(), time.GetUtcNow(), "ingest", ManualPassage.DevicePrefix + who!.OperatorId,
                read.ErrorCode, read.Error!, body.Bytes);
            await ingest.RejectAsync(letter, ct);
            return Results.BadRequest(new { error = read.ErrorCode, reason = read.Error, rejectionId = letter.Id });
        }
        try
        {
            await ingest.AcceptAsync(new JournalEntry(Topics.ReviewActions, action.Key, action.ToJson()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
        }
        return Results.Json(new { actionId = action.ActionId, passageId = action.PassageId, @operator = action.Operator, status = "accepted" },
            statusCode: StatusCodes.Status202Accepted);
    }
}
