using System.Net;
using System.Net.Sockets;

namespace DataPlatform.Simulation;

/// <summary>How the simulator's devices open and close their TCP lines to the platform's listeners, as a
/// serial-to-Ethernet converter in client mode does.</summary>
internal static class TcpLines
{
    /// <summary>Connects to <paramref name="endpoint"/>; a host name is resolved when connecting.</summary>
    public static async Task<TcpClient> ConnectAsync(EndPoint endpoint, CancellationToken ct)
    {
        var client = new TcpClient { NoDelay = true };
        var (address, port) = endpoint switch
        {
            DnsEndPoint d => ((await Dns.GetHostAddressesAsync(d.Host, ct))[0], d.Port),
            IPEndPoint i => (i.Address, i.Port),
            _ => throw new NotSupportedException(endpoint.ToString()),
        };
        await client.ConnectAsync(address, port, ct);
        return client;
    }

    /// <summary>The line goes down cleanly: our side finishes sending, and we wait until the listener has read
    /// everything and closed its side, so nothing is in flight when the next connection starts.</summary>
    public static async Task CloseAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            // The stream first: TcpClient refuses GetStream once the sending side is shut.
            var stream = client.GetStream();
            client.Client.Shutdown(SocketShutdown.Send);
            var sink = new byte[256];
            try
            {
                while (await stream.ReadAsync(sink, ct) > 0) { }
            }
            catch (IOException)
            {
                // The listener reset instead of closing: it is gone either way.
            }
        }
    }
}
