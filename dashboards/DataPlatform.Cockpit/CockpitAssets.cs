using System.Collections.Concurrent;

namespace DataPlatform.Cockpit;

/// <summary>The cockpit's pages, scripts and the vendored ECharts, embedded in this assembly (no CDN: a plant's
/// network often has no internet).</summary>
public static class CockpitAssets
{
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static byte[]? Read(string path) => Cache.GetOrAdd(path, p =>
    {
        using var stream = typeof(CockpitAssets).Assembly.GetManifestResourceStream("Cockpit/" + p);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };
}
