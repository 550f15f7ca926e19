using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>A request body read up to a limit. An oversized body is truncated to the limit (kept as evidence in
/// the dead letter) and flagged, instead of failing the request with a bare 413.</summary>
public readonly record struct RequestBody(byte[] Bytes, bool TooLarge)
{
    /// <summary>Reads the body and remembers it on the request (<see cref="Of"/>), so the
    /// <see cref="IngestFaultBarrier"/> can keep it as a dead letter should the endpoint fail unexpectedly.</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        var body = await ReadStreamAsync(request.Body, maxBytes, ct);
        request.HttpContext.Items[typeof(RequestBody)] = body;
        return body;
    }

    /// <summary>The body an endpoint already read from this request, if any.</summary>
    public static RequestBody? Of(HttpContext context) =>
        context.Items.TryGetValue(typeof(RequestBody), out var body) && body is RequestBody read ? read : null;

    public static async Task<RequestBody> ReadStreamAsync(Stream stream, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            var room = maxBytes - (int)buffer.Length;
            buffer.Write(chunk, 0, Math.Min(read, room));
            if (read > room) return new RequestBody(buffer.ToArray(), TooLarge: true);
        }
        return new RequestBody(buffer.ToArray(), TooLarge: false);
    }
}
