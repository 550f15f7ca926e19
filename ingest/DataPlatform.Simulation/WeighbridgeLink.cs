using System.Net;
using System.Net.Sockets;
using DataPlatform.Ingest.Adapters.Tcp;

namespace DataPlatform.Simulation;

/// <summary>The simulator's side of a weighbridge line: a serial-to-Ethernet converter in TCP-client mode that
/// connects to the platform's listener and streams the indicator's frames. Not thread-safe: a weighbridge
/// weighs one vehicle at a time.</summary>
public sealed class WeighbridgeLink(EndPoint endpoint, TcpProtocol protocol, string enterpriseId) : IAsyncDisposable
{
    private TcpClient? _client;

    public EndPoint Endpoint { get; } = endpoint;

    public TcpProtocol Protocol { get; } = protocol;

    public int Connects { get; private set; }

    /// <summary>"host:port" for the CLI; a host name is resolved when connecting.</summary>
    public static EndPoint ParseEndpoint(string text)
    {
        if (IPEndPoint.TryParse(text, out var ip) && ip.Port != 0) return ip;
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text.AsSpan(colon + 1), out var port) && port is > 0 and < 65536)
            return new DnsEndPoint(text[..colon], port);
        throw new FormatException($"'{text}' is not host:port");
    }

    public async Task WeighAsync(SimulatedWeighing weighing, CancellationToken ct)
    {
        if (_client is null)
        {
            _client = await TcpLines.ConnectAsync(Endpoint, ct);
            Connects++;
        }
        await _client.GetStream().WriteAsync(IndicatorFrames.Weighing(Protocol, weighing, enterpriseId), ct);
    }

    /// <summary>The line goes down cleanly (see <see cref="TcpLines.CloseAsync"/>).</summary>
    public async Task DisconnectAsync(CancellationToken ct)
    {
        if (_client is not { } client) return;
        _client = null;
        await TcpLines.CloseAsync(client, ct);
    }

    public async ValueTask DisposeAsync() => await DisconnectAsync(CancellationToken.None);
}
