using System.IO.Compression;
using ZstdSharp;

namespace DataPlatform.Engines.ClickHouse.Http;

/// <summary>HTTP content codings on both sides: request bodies (Content-Encoding) and responses (Accept-Encoding).</summary>
internal static class ContentCoding
{
    // The order the server prefers when a client accepts several: cheapest to produce first.
    private static readonly string[] ResponsePreference = ["zstd", "gzip", "deflate", "br"];

    /// <summary>Wraps <paramref name="body"/> to undo every coding listed in a Content-Encoding header.</summary>
    /// <exception cref="NotSupportedException">A coding this server cannot decode.</exception>
    public static Stream Decode(Stream body, string? contentEncoding)
    {
        if (string.IsNullOrWhiteSpace(contentEncoding))
        {
            return body;
        }

        // Codings are listed in the order they were applied, so they are undone from the last.
        var codings = contentEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var decoded = body;
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            decoded = codings[i].ToLowerInvariant() switch
            {
                "identity" or "none" => decoded,
                "gzip" or "x-gzip" => new GZipStream(decoded, CompressionMode.Decompress),
                // ClickHouse and most clients send zlib-wrapped data as "deflate".
                "deflate" => new ZLibStream(decoded, CompressionMode.Decompress),
                "br" => new BrotliStream(decoded, CompressionMode.Decompress),
                "zstd" => new DecompressionStream(decoded),
                var unknown => throw new NotSupportedException($"Unknown HTTP content encoding '{unknown}'"),
            };
        }

        return decoded;
    }

    /// <summary>The coding to answer with for an Accept-Encoding header, or null for none.</summary>
    public static string? ChooseResponseCoding(string? acceptEncoding)
    {
        if (string.IsNullOrWhiteSpace(acceptEncoding))
        {
            return null;
        }

        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(';', StringSplitOptions.TrimEntries);
            var refused = parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
            if (!refused)
            {
                accepted.Add(parts[0]);
            }
        }

        return ResponsePreference.FirstOrDefault(accepted.Contains);
    }

    /// <summary>A stream that encodes into <paramref name="body"/>; disposing it flushes but leaves the body open.</summary>
    public static Stream Encode(Stream body, string coding) => coding switch
    {
        "gzip" => new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "zstd" => new CompressionStream(body, level: 1, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "unsupported response coding"),
    };
}
