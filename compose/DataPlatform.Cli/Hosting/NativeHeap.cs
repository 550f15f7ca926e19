using System.Runtime.InteropServices;

namespace DataPlatform.Cli.Hosting;

/// <summary>
/// glibc's malloc in a process with hundreds of native threads (librdkafka: a main and four broker threads per
/// client, ~24 clients in standalone; chDB's pools). glibc gives threads up to 8 arenas per core and keeps what they
/// free: measured in standalone after 90 s, 16 arenas held 147 MB from the system for 41 MB in use. The arena cap
/// (<c>MALLOC_ARENA_MAX=2</c>: 76 MB for the same 41 MB) only works from the environment — by <c>Main</c> the runtime's
/// own threads have fixed glibc's limit — so the process instead keeps big blocks out of the arenas and hands freed
/// pages back now and then (<see cref="Trim"/>).
/// </summary>
public static partial class NativeHeap
{
    private const int TrimThresholdParameter = -1; // M_TRIM_THRESHOLD in malloc.h
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD

    /// <summary>
    /// Blocks of <paramref name="mmapThresholdBytes"/> and more get their own mapping, returned to the system when
    /// freed (glibc otherwise raises this threshold up to 32 MiB as such blocks are freed, and librdkafka's fetch
    /// buffers then settle in the arenas); an arena's free top beyond <paramref name="trimThresholdBytes"/> is
    /// returned at once. Returns whether glibc took both (false off Linux or off glibc).
    /// </summary>
    public static bool KeepLargeBlocksOut(int mmapThresholdBytes, int trimThresholdBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mmapThresholdBytes, 4096);
        ArgumentOutOfRangeException.ThrowIfLessThan(trimThresholdBytes, 4096);
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return SetMallocOption(MmapThresholdParameter, mmapThresholdBytes) == 1
                   && SetMallocOption(TrimThresholdParameter, trimThresholdBytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl): its allocator has its own policy
        }
    }

    /// <summary>Returns the whole free pages of every arena to the system (glibc <c>malloc_trim(0)</c>); the
    /// memory stays available to malloc, which takes pages again as it needs them. False when not glibc.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int SetMallocOption(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
