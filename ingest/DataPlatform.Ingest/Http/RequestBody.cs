using Microsoft.AspNetCore.Http;

namespace DataPlatform.Ingest.Http;

/// <summary>A request body read up to a limit. An oversized body is truncated to the limit (kept as evidence in
/// the dead letter) and flagged, instead of failing the request with a bare 413.</summary>
public readonly record struct RequestBody(byte[] Bytes, bool TooLarge)
{
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            var room = maxBytes - (int)buffer.Length;
            buffer.Write(chunk, 0, Math.Min(read, room));
            if (read > room) return new RequestBody(buffer.ToArray(), TooLarge: true);
        }
        return new RequestBody(buffer.ToArray(), TooLarge: false);
    }
}
