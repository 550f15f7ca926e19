using System.Runtime.InteropServices;

namespace DataPlatform.Cli.Hosting;

/// <summary>
/// Ctrl-C (SIGINT), SIGTERM and SIGQUIT as a cancellation token, registered after the embedded engines have
/// booted. The command line's own registration is made before chDB boots and did not hear of the signals
/// afterwards (<c>dataplatform engines</c> ignored both: SIGKILL after 20 s); a registration made once the engine
/// is up is dispatched like any other.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals(CancellationToken alsoStopOn)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(alsoStopOn);
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
    }

    /// <summary>Cancelled by the first stop signal (or by the token given at construction).</summary>
    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // we stop in order, not by the runtime's default termination
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
