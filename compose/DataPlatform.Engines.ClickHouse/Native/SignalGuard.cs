using System.Runtime.InteropServices;

namespace DataPlatform.Engines.ClickHouse.Native;

/// <summary>
/// chDB installs process-wide handlers for fatal signals while it boots. .NET relies on its own
/// SIGSEGV/SIGFPE handlers to turn null dereferences into exceptions, so losing them makes a managed
/// NullReferenceException hang the process. Saving .NET's actions and putting them back after
/// chdb_connect keeps both runtimes alive.
/// </summary>
internal static unsafe partial class SignalGuard
{
    // SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGTSTP, SIGSYS on Linux x64; and SIGHUP, SIGINT,
    // SIGQUIT, SIGTERM: Ctrl-C and a stop request belong to the host. A command line that registered for
    // them before chDB booted would otherwise never hear of them (seen: `dataplatform engines` ignored Ctrl-C).
    private static readonly int[] GuardedSignals = [1, 2, 3, 4, 5, 6, 7, 8, 11, 15, 20, 31];

    // glibc's struct sigaction is 152 bytes on x64; the spare room guards against other layouts.
    private const int SigactionBufferBytes = 256;

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static partial int Sigaction(int signal, void* newAction, void* oldAction);

    /// <summary>Runs <paramref name="action"/> with chDB unable to keep the signal handlers it installs.</summary>
    public static T PreservingDotnetHandlers<T>(Func<T> action)
    {
        var saved = new byte[GuardedSignals.Length * SigactionBufferBytes];
        fixed (byte* buffer = saved)
        {
            for (var i = 0; i < GuardedSignals.Length; i++)
            {
                if (Sigaction(GuardedSignals[i], null, buffer + (i * SigactionBufferBytes)) != 0)
                {
                    throw new InvalidOperationException($"sigaction({GuardedSignals[i]}) failed: errno {Marshal.GetLastPInvokeError()}");
                }
            }

            try
            {
                return action();
            }
            finally
            {
                for (var i = 0; i < GuardedSignals.Length; i++)
                {
                    _ = Sigaction(GuardedSignals[i], buffer + (i * SigactionBufferBytes), null);
                }
            }
        }
    }
}
