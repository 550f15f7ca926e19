using System.Runtime.InteropServices;

namespace DataPlatform.Engines.ClickHouse.Native;

/// <summary>
/// Keeps Ctrl-C and stop requests (SIGINT, SIGTERM, SIGQUIT, SIGHUP) with .NET for the life of a process that hosts
/// chDB. chDB's query path sets its own interrupt handler while a query runs and puts back what it found; with queries
/// running concurrently those save/restore pairs interleave and chDB's handler can stay installed — then a Ctrl-C only
/// cancels a query (seen: a loaded standalone ignored SIGINT for minutes). So .NET's native handler is installed up
/// front (a no-op registration; the host's own registrations decide what the signal does), recorded, and put back
/// whenever a watchdog finds another handler in its place.
/// </summary>
internal static unsafe partial class TerminationSignals
{
    private static readonly PosixSignal[] Signals = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP];
    private static readonly int[] Numbers = [2, 15, 3, 1];
    private const int SigactionBufferBytes = 256; // glibc's struct sigaction is 152 bytes on x64
    private static readonly Lock Gate = new();
    private static List<PosixSignalRegistration>? _registrations;
    private static byte[]? _dotnetActions;
    private static Timer? _watchdog;

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static partial int Sigaction(int signal, void* newAction, void* oldAction);

    /// <summary>Idempotent; call before chDB boots so that .NET's handlers are the ones saved and restored.</summary>
    public static void KeepWithDotnet()
    {
        lock (Gate)
        {
            if (_registrations is not null) return;
            // Cancel stays false: with no other registration the runtime's default (terminate) applies, as before.
            _registrations = [.. Signals.Select(s => PosixSignalRegistration.Create(s, _ => { }))];
            _dotnetActions = new byte[Numbers.Length * SigactionBufferBytes];
            fixed (byte* buffer = _dotnetActions)
                for (var i = 0; i < Numbers.Length; i++)
                    _ = Sigaction(Numbers[i], null, buffer + (i * SigactionBufferBytes));
            _watchdog = new Timer(_ => Restore(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        }
    }

    private static void Restore()
    {
        var current = stackalloc byte[SigactionBufferBytes];
        fixed (byte* saved = _dotnetActions)
        {
            for (var i = 0; i < Numbers.Length; i++)
            {
                var mine = saved + (i * SigactionBufferBytes);
                if (Sigaction(Numbers[i], null, current) != 0) continue;
                // sa_handler (a pointer) comes first in glibc's struct sigaction.
                if (*(nint*)current != *(nint*)mine) _ = Sigaction(Numbers[i], mine, null);
            }
        }
    }
}
