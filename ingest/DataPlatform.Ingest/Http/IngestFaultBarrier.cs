using DataPlatform.Gate;
using DataPlatform.Ingest.GuardBooth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ingest.Http;

/// <summary>
/// The last resort around every ingest endpoint. Endpoints answer every input they understand with 2xx or a 4xx
/// of their own; an exception none of them expected (a bug) must still not lose what the device sent: the body
/// is kept as a dead letter (code <c>internal_error</c>, the exception named in the reason) and the answer is a
/// 500 with <c>error</c>, <c>reason</c> and <c>rejectionId</c> in JSON — never an empty 500. When even the dead
/// letter cannot be stored the answer is 503 <c>not_stored</c>, so the device sends again.
/// </summary>
public sealed class IngestFaultBarrier(DevicePushes pushes, IOptions<IngestOptions> options, ILogger<IngestFaultBarrier> logger)
{
    public const string InternalError = "internal_error";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The device hung up: nobody to answer, and it will send again.
        }
        catch (Exception ex)
        {
            await AnswerAsync(context, ex);
        }
    }

    private async Task AnswerAsync(HttpContext context, Exception ex)
    {
        // Kestrel's own refusals (a malformed or truncated body) keep their 4xx; anything else is our fault.
        var (status, code) = ex is BadHttpRequestException bad ? (bad.StatusCode, IngestRejectionCodes.BadPayload) : (StatusCodes.Status500InternalServerError, InternalError);
        logger.LogError(ex, "Unexpected failure of {Method} {Path}; the body is kept as a dead letter", context.Request.Method, context.Request.Path);
        var reason = $"请求处理异常，原始数据已保存待查（unexpected {ex.GetType().Name} at {context.Request.Path}: {Clip(ex.Message)}）";
        var body = RequestBody.Of(context)?.Bytes ?? await RestOfBodyAsync(context);
        object answer;
        try
        {
            var rejectionId = await pushes.KeepRejectedAsync(SourceOf(context), new Rejection(code, reason), body, CancellationToken.None);
            answer = new { error = code, reason, rejectionId };
        }
        catch (Exception storeFailure)
        {
            logger.LogError(storeFailure, "Could not keep the body of the failed {Path} as a dead letter", context.Request.Path);
            (status, answer) = (StatusCodes.Status503ServiceUnavailable, new { error = "not_stored", reason = $"{reason}; the dead letter could not be stored: {Clip(storeFailure.Message)}" });
        }
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        await Results.Json(answer, statusCode: status).ExecuteAsync(context);
    }

    // The endpoint failed before reading its body (or while reading it): take what is still there, up to the push limit.
    private async Task<byte[]> RestOfBodyAsync(HttpContext context)
    {
        try
        {
            return (await RequestBody.ReadStreamAsync(context.Request.Body, options.Value.MaxPushBytes, context.RequestAborted)).Bytes;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [];
        }
    }

    // The device the URL names, the guard operator, else what the generic endpoint would name.
    private static string SourceOf(HttpContext context)
    {
        var source = context.Request.RouteValues.TryGetValue("deviceId", out var id) && id is string device ? device
            : context.Request.Headers[GuardOperators.OperatorIdHeader].FirstOrDefault() is { Length: > 0 } op ? ManualPassage.DevicePrefix + op
            : DevicePushes.SourceOf(context);
        return Clip(source, 64);
    }

    private static string Clip(string text, int max = 200) => text.Length <= max ? text : text[..max] + "…";
}
