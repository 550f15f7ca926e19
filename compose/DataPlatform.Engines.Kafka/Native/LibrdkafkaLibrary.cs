using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace DataPlatform.Engines.Kafka.Native;

/// <summary>
/// Finds the librdkafka image that Confluent.Kafka itself loaded. Our mock calls receive pointers
/// (rd_kafka_t*, rd_kafka_mock_cluster_t*) owned by that image, so resolving the exports from a
/// different copy (e.g. the default librdkafka.so next to the centos8 one Confluent fell back to
/// on Debian 12) would be undefined behaviour.
/// </summary>
internal static class LibrdkafkaLibrary
{
    private static readonly Lock Gate = new();
    private static IntPtr _handle;

    /// <summary>Requires that a Confluent client was built first, so the library is already mapped.</summary>
    public static IntPtr Handle
    {
        get
        {
            lock (Gate)
            {
                if (_handle == IntPtr.Zero)
                {
                    _handle = Load();
                }
                return _handle;
            }
        }
    }

    private static IntPtr Load()
    {
        var tried = new List<string>();
        foreach (var path in LoadedImages().Concat(FilesOnDisk()).Distinct(StringComparer.Ordinal))
        {
            tried.Add(path);
            // dlopen of an already mapped path returns that same image rather than a second copy.
            if (NativeLibrary.TryLoad(path, out var handle)
                && NativeLibrary.TryGetExport(handle, "rd_kafka_handle_mock_cluster", out _))
            {
                return handle;
            }
        }
        throw new DllNotFoundException(
            "Could not locate the librdkafka image used by Confluent.Kafka. Tried: " + string.Join(", ", tried));
    }

    /// <summary>
    /// Linux: the maps file names exactly what is loaded, which sidesteps guessing Confluent's
    /// fallback order. Images under the Confluent package folders come first in case some other
    /// component also mapped a system librdkafka.
    /// </summary>
    private static IEnumerable<string> LoadedImages()
    {
        const string maps = "/proc/self/maps";
        if (!OperatingSystem.IsLinux() || !File.Exists(maps))
        {
            return [];
        }
        var images = File.ReadLines(maps)
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? line[i..].Trim() : null)
            .OfType<string>()
            .Where(path => Path.GetFileName(path).Contains("rdkafka", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var roots = SearchRoots().ToList();
        return images.OrderBy(path => roots.Any(root => path.StartsWith(root, StringComparison.Ordinal)) ? 0 : 1);
    }

    /// <summary>Same candidates Confluent.Kafka probes, for platforms without /proc.</summary>
    private static IEnumerable<string> FilesOnDisk()
    {
        string[] names = OperatingSystem.IsWindows() ? ["librdkafka.dll"]
            : OperatingSystem.IsMacOS() ? ["librdkafka.dylib"]
            : ["centos8-librdkafka.so", "librdkafka.so", "alpine-librdkafka.so"];
        var rid = RuntimeInformation.RuntimeIdentifier;
        var portableRid = $"{PlatformName()}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
        foreach (var root in SearchRoots())
        {
            foreach (var dir in new[] { Path.Combine(root, "runtimes", portableRid, "native"), Path.Combine(root, "runtimes", rid, "native"), root })
            {
                foreach (var name in names)
                {
                    var path = Path.Combine(dir, name);
                    if (File.Exists(path))
                    {
                        yield return path;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> SearchRoots()
    {
        var roots = new[]
        {
            AppContext.BaseDirectory,
            Path.GetDirectoryName(typeof(ClientConfig).Assembly.Location),
            Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location),
        };
        return roots.Where(r => !string.IsNullOrEmpty(r)).Select(r => Path.GetFullPath(r!)).Distinct(StringComparer.Ordinal);
    }

    private static string PlatformName() =>
        OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
}
