using System.Net.Http.Headers;
using System.Text;

namespace DataPlatform.Ingest.Adapters;

/// <summary>One part of a multipart/form-data body.</summary>
public sealed record MultipartPart(string? Name, string? FileName, string? ContentType, byte[] Body);

/// <summary>
/// A small, pure multipart/form-data reader (RFC 7578 / RFC 2046) over bytes already in memory, so vendor mappers
/// stay synchronous and total: any input gives parts or a reason. Cameras send a handful of parts (the event
/// document and two or three JPEGs), so limits are tight.
/// </summary>
public static class Multipart
{
    public const int MaxParts = 16;
    private const int MaxHeaderBytes = 8 * 1024;

    /// <summary>The boundary parameter of a multipart content type, or null.</summary>
    public static string? Boundary(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)
            || media.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
            return null;
        var boundary = media.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        return boundary is { Length: > 0 and <= 200 } ? boundary : null;
    }

    public static bool IsMultipart(string? contentType) =>
        contentType?.TrimStart().StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    public static bool TryParse(ReadOnlySpan<byte> body, string boundary, out List<MultipartPart> parts, out string reason)
    {
        parts = [];
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var betweenParts = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        // The first delimiter is at the start or after a preamble line.
        int at;
        if (body.StartsWith(delimiter)) at = delimiter.Length;
        else
        {
            var found = body.IndexOf(betweenParts);
            if (found < 0) return Fail("no multipart boundary in the body", out reason);
            at = found + betweenParts.Length;
        }
        while (true)
        {
            var rest = body[at..];
            if (rest.StartsWith("--"u8))
            {
                reason = "";
                return parts.Count > 0 || Fail("multipart body has no parts", out reason);
            }
            var lineEnd = rest.IndexOf("\r\n"u8);
            // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
            if (lineEnd < 0 || rest[..lineEnd].IndexOfAnyExcept(" \t"u8) >= 0)
                return Fail("malformed multipart delimiter line", out reason);
            at += lineEnd + 2;
            rest = body[at..];
            var headerEnd = rest.IndexOf("\r\n\r\n"u8);
            int contentStart;
            string headers;
            if (rest.StartsWith("\r\n"u8))
            {
                headers = "";
                contentStart = at + 2;
            }
            else
            {
                if (headerEnd < 0 || headerEnd > MaxHeaderBytes) return Fail("multipart part headers are missing or too long", out reason);
                headers = Encoding.UTF8.GetString(rest[..headerEnd]);
                contentStart = at + headerEnd + 4;
            }
            var contentLength = body[contentStart..].IndexOf(betweenParts);
            if (contentLength < 0) return Fail("multipart body is truncated (no closing boundary)", out reason);
            if (parts.Count == MaxParts) return Fail($"more than {MaxParts} multipart parts", out reason);
            parts.Add(ReadPart(headers, body.Slice(contentStart, contentLength).ToArray()));
            at = contentStart + contentLength + betweenParts.Length;
        }
    }

    /// <summary>Writes parts as multipart/form-data (the inverse of <see cref="TryParse"/>; used by the simulator and tests).</summary>
    public static byte[] Write(string boundary, IEnumerable<MultipartPart> parts)
    {
        using var stream = new MemoryStream();
        void Ascii(string s) => stream.Write(Encoding.UTF8.GetBytes(s));
        foreach (var part in parts)
        {
            Ascii($"--{boundary}\r\n");
            var disposition = "Content-Disposition: form-data";
            if (part.Name is not null) disposition += $"; name=\"{part.Name}\"";
            if (part.FileName is not null) disposition += $"; filename=\"{part.FileName}\"";
            Ascii(disposition + "\r\n");
            if (part.ContentType is not null) Ascii($"Content-Type: {part.ContentType}\r\n");
            Ascii($"Content-Length: {part.Body.Length}\r\n\r\n");
            stream.Write(part.Body);
            Ascii("\r\n");
        }
        Ascii($"--{boundary}--\r\n");
        return stream.ToArray();
    }

    private static MultipartPart ReadPart(string headers, byte[] content)
    {
        string? name = null, fileName = null, contentType = null;
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var header = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            else if (header.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                name = Parameter(value, "name");
                fileName = Parameter(value, "filename");
            }
        }
        return new MultipartPart(name, fileName, contentType, content);
    }

    private static string? Parameter(string disposition, string parameter)
    {
        foreach (var piece in disposition.Split(';'))
        {
            var eq = piece.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && piece[..eq].Trim().Equals(parameter, StringComparison.OrdinalIgnoreCase))
                return piece[(eq + 1)..].Trim().Trim('"');
        }
        return null;
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
