using DataPlatform.Ingest.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.GuardBooth;

/// <summary>The one door of every guard-booth endpoint: the operator named by <c>X-Operator-Id</c> must prove it
/// with its own token or HMAC signature, else 401; an operator trying to act as someone else gets 403. Both raise
/// an <c>auth_failed</c> alarm on <c>device.events</c>, as refused devices do (source <c>guard:&lt;operatorId&gt;</c>).</summary>
public sealed class GuardBoothAccess(GuardOperators operators, DevicePushes pushes, TimeProvider time, IOptions<IngestOptions> options)
{
    public async Task<(GuardOperatorOptions? Who, IResult? Denied)> AuthenticateAsync(HttpContext context, byte[] body)
    {
        var claimed = context.Request.Headers[GuardOperators.OperatorIdHeader].FirstOrDefault();
        var (who, failure) = operators.Authenticate(claimed, DevicePushes.CredentialsOf(context), body,
            time.GetUtcNow(), TimeSpan.FromSeconds(options.Value.SignatureMaxSkewSeconds));
        if (failure is null) return (who, null);
        await pushes.RaiseOperatorAlarmAsync(context, SourceOf(claimed), failure);
        return (null, Results.Json(new { error = "unauthorized", reason = failure }, statusCode: StatusCodes.Status401Unauthorized));
    }

    /// <summary>403 for an authenticated operator asking to act as <paramref name="claimed"/>.</summary>
    public async Task<IResult> ImpersonationAsync(HttpContext context, GuardOperatorOptions who, string claimed)
    {
        var reason = $"操作员 {who.OperatorId} 不能以他人（{Clip(claimed)}）的名义操作";
        await pushes.RaiseOperatorAlarmAsync(context, SourceOf(who.OperatorId), reason);
        return Results.Json(new { error = "forbidden", reason }, statusCode: StatusCodes.Status403Forbidden);
    }

    private static string? SourceOf(string? operatorId) =>
        string.IsNullOrEmpty(operatorId) ? null : ManualPassage.DevicePrefix + Clip(operatorId);

    private static string Clip(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
