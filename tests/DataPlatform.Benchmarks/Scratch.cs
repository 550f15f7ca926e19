using System.Diagnostics;

namespace DataPlatform.Benchmarks;

/// <summary>
/// Per-run folders under the temp directory, named after the process. chDB's data folder must outlive the
/// engine, which stays loaded until the process exits (deleting it earlier made the exit die of SIGSEGV now
/// and then), so each run removes the folders of benchmark processes that have ended instead.
/// </summary>
public static class Scratch
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "dataplatform-bench");

    public static string Create(string purpose)
    {
        var path = Path.Combine(Root, $"{Environment.ProcessId}-{purpose}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static void RemoveLeftovers()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (!int.TryParse(name.AsSpan(0, Math.Max(0, name.IndexOf('-'))), out var pid) || !IsRunning(pid)) Delete(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
