using System.Runtime.InteropServices;
using DataPlatform.Engines.ClickHouse.Engine;

namespace DataPlatform.Engines.ClickHouse;

/// <summary>
/// How a process that hosted chDB ends. chDB's engine cannot be shut down and reopened, and its background
/// threads (merges, flushes) keep running to the end; letting the C++ static destructors run under them at exit
/// crashed the process with SIGSEGV after a clean stop. Every insert was acknowledged only once written, so
/// ending without native teardown loses nothing.
/// </summary>
public static partial class ChdbProcess
{
    /// <summary>Whether chDB was booted in this process.</summary>
    public static bool EngineLoaded => ChdbEngine.IsOpen;

    /// <summary>Flushes the console and ends the process with <paramref name="exitCode"/>, skipping native exit
    /// handlers when chDB was loaded; otherwise returns the code for a normal exit.</summary>
    public static int Exit(int exitCode)
    {
        if (!EngineLoaded) return exitCode;
        Console.Out.Flush();
        Console.Error.Flush();
        ExitImmediately(exitCode);
        return exitCode;
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void ExitImmediately(int status);
}
