using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DataPlatform.RegulatorSimulator.Platform;

/// <summary>The Hebei-style listener: accepts persistent connections and runs one <see cref="TcpLink"/> each;
/// pushes a newly issued command to every logged-in link of its enterprise.</summary>
internal sealed class TcpGateway : IAsyncDisposable
{
    private readonly PlatformCore _core;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpLink, Task> _links = new();
    private readonly Task _accepting;

    private TcpGateway(PlatformCore core, TcpListener listener)
    {
        _core = core;
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        core.CommandIssued += OnCommandIssued;
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint { get; }

    public int LoggedIn => _links.Keys.Count(l => l.EnterpriseCode is not null && !l.IsClosed);

    public static TcpGateway Start(PlatformCore core, RegulatorSimulatorOptions options)
    {
        var listener = new TcpListener(IPAddress.Parse(options.ListenAddress), options.TcpPort);
        listener.Start();
        return new TcpGateway(core, listener);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            client.NoDelay = true;
            var link = new TcpLink(_core, client, _stop.Token);
            _links[link] = RunAsync(link);
        }
    }

    private async Task RunAsync(TcpLink link)
    {
        try
        {
            await link.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _links.TryRemove(link, out _);
        }
    }

    private void OnCommandIssued(string ent, string commandId)
    {
        foreach (var link in _links.Keys.Where(l => l.EnterpriseCode == ent))
            _ = link.PushAsync(commandId);
    }

    public async ValueTask DisposeAsync()
    {
        _core.CommandIssued -= OnCommandIssued;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var link in _links.Keys)
            link.Close();
        await _accepting.ConfigureAwait(false);
        await Task.WhenAll(_links.Values).ConfigureAwait(false);
        _stop.Dispose();
    }
}
