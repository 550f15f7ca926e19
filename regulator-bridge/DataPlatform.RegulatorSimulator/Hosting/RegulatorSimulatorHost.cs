using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.RegulatorSimulator;

/// <summary>Runs one simulator for the lifetime of a host (the CLI's <c>regulator-simulator</c> command and
/// <c>standalone --simulate</c>). Other services await <see cref="WhenStartedAsync"/> to learn its endpoints and
/// public key.</summary>
public sealed class RegulatorSimulatorHost(IOptions<RegulatorSimulatorOptions> options, ILogger<RegulatorSimulatorHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<RegulatorPlatformSimulator> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RegulatorPlatformSimulator? _simulator;

    public Task<RegulatorPlatformSimulator> WhenStartedAsync(CancellationToken ct = default) => _started.Task.WaitAsync(ct);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _simulator = await RegulatorPlatformSimulator.StartAsync(options.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }
        logger.LogInformation("监管平台模拟器已启动：HTTP {Http}，TCP {Tcp}", _simulator.HttpEndpoint,
            string.IsNullOrEmpty(options.Value.TcpProfile) ? "未启用" : _simulator.TcpEndpoint.ToString());
        _started.TrySetResult(_simulator);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_simulator is not null)
            await _simulator.DisposeAsync().ConfigureAwait(false);
        _simulator = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
