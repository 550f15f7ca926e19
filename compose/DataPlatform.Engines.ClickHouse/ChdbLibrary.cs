using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace DataPlatform.Engines.ClickHouse;

/// <summary>
/// Locates chDB's engine library, fetching it from npm on first use. The library is ~560 MB, so it is
/// cached outside the repository's tracked files and never shipped with the sources.
/// </summary>
public static class ChdbLibrary
{
    /// <summary>The chDB release this component is built and tested against.</summary>
    public const string Version = "26.5.3";

    /// <summary>Environment variable naming the libchdb.so file to use (fetched there when missing).</summary>
    public const string LibraryPathVariable = "DATAPLATFORM_CHDB_LIB";

    /// <summary>Environment variable naming a cache root; the library goes to <c>chdb/26.5.3/</c> below it.</summary>
    public const string CacheVariable = "DATAPLATFORM_CACHE";

    private const string NpmPackage = "@chdb/lib-linux-x64-gnu@" + Version;

    // npm's integrity string for the tarball: a tampered or truncated download must never be loaded.
    private const string PackageSha512 = "fPrLmRt5Moor9yGz4mazbrNje4t7X9KB2mTGkXFWRxRBs2iKy8yh6jx11xsa0Qr3iDFMU/yHqd+bVdYJXu3QaQ==";
    private const string LibraryEntry = "package/libchdb.so";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Returns the path of a usable libchdb.so, fetching it first when it is not cached yet.</summary>
    /// <param name="explicitPath">A path that wins over every other source (e.g. from the options).</param>
    public static string EnsureAvailable(string? explicitPath = null)
    {
        var target = ResolveTargetPath(explicitPath);
        if (File.Exists(target))
        {
            return target;
        }

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        using (AcquireFetchLock(Path.Combine(directory, ".fetch.lock")))
        {
            // Another process may have finished the fetch while this one waited for the lock.
            if (!File.Exists(target))
            {
                Fetch(target);
            }
        }

        return target;
    }

    /// <summary>Where the library is (or will be) cached, following the documented precedence.</summary>
    public static string ResolveTargetPath(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(LibraryPathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Path.Combine(ResolveCacheDirectory(), "libchdb.so");
    }

    private static string ResolveCacheDirectory()
    {
        var cacheRoot = Environment.GetEnvironmentVariable(CacheVariable);
        if (!string.IsNullOrWhiteSpace(cacheRoot))
        {
            return Path.Combine(Path.GetFullPath(cacheRoot), "chdb", Version);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DataPlatform.sln")))
            {
                return Path.Combine(folder.FullName, ".cache", "chdb", Version);
            }
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "dataplatform", "chdb", Version);
    }

    private static FileStream AcquireFetchLock(string lockPath)
    {
        // FileShare.None maps to an advisory flock on Unix, which other processes honour too.
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static void Fetch(string target)
    {
        var directory = Path.GetDirectoryName(target)!;
        var workDirectory = Path.Combine(directory, $".fetch-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workDirectory);
        try
        {
            var tarball = PackWithNpm(workDirectory);
            VerifyIntegrity(tarball);
            var extracted = Path.Combine(workDirectory, "libchdb.so");
            ExtractLibrary(tarball, extracted);
            // A rename within one directory is atomic: readers see either nothing or the whole file.
            File.Move(extracted, target, overwrite: true);
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static string PackWithNpm(string workDirectory)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "pack", NpmPackage, "--silent", "--pack-destination", workDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
        var errors = npm.StandardError.ReadToEndAsync();
        _ = npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm pack {NpmPackage} failed ({npm.ExitCode}): {errors.Result}");
        }

        return Directory.GetFiles(workDirectory, "*.tgz").SingleOrDefault()
            ?? throw new InvalidOperationException($"npm pack {NpmPackage} produced no tarball");
    }

    private static void VerifyIntegrity(string tarball)
    {
        using var stream = File.OpenRead(tarball);
        var actual = Convert.ToBase64String(SHA512.HashData(stream));
        if (actual != PackageSha512)
        {
            throw new InvalidOperationException($"{NpmPackage} failed its integrity check: sha512-{actual}");
        }
    }

    private static void ExtractLibrary(string tarball, string destination)
    {
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == LibraryEntry && entry.DataStream is not null)
            {
                using (var output = File.Create(destination))
                {
                    entry.DataStream.CopyTo(output);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                }

                return;
            }
        }

        throw new InvalidOperationException($"{NpmPackage} has no {LibraryEntry}");
    }
}
