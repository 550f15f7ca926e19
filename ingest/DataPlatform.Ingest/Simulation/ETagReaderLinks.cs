using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPlatform.Ingest.Simulation;

/// <summary>The simulator's side of the lanes' e-tag readers: one TCP connection per reader to the platform's
/// listener, each reader's lines written one at a time (readers send from several passages at once).</summary>
public sealed class ETagReaderLinks(IReadOnlyDictionary<string, EndPoint> readers) : IAsyncDisposable
{
    private readonly Dictionary<string, (TcpClient Client, SemaphoreSlim Gate)> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool Has(string readerId) => readers.ContainsKey(readerId);

    public async Task SendAsync(SimulatedTagRead read, CancellationToken ct)
    {
        var (client, gate) = Connection(read.ReaderId);
        await gate.WaitAsync(ct);
        try
        {
            if (!client.Connected)
            {
                var endpoint = (IPEndPoint)readers[read.ReaderId];
                await client.ConnectAsync(endpoint.Address, endpoint.Port, ct);
            }
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(read.Line), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private (TcpClient, SemaphoreSlim) Connection(string readerId)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(readerId, out var link)) _open[readerId] = link = (new TcpClient { NoDelay = true }, new SemaphoreSlim(1, 1));
            return link;
        }
    }

    /// <summary>Closes every line cleanly: our side finishes sending and waits until the listener read everything.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (client, gate) in _open.Values)
        {
            using (client)
            using (gate)
            {
                if (!client.Connected) continue;
                var stream = client.GetStream();
                client.Client.Shutdown(SocketShutdown.Send);
                var sink = new byte[256];
                try
                {
                    while (await stream.ReadAsync(sink) > 0) { }
                }
                catch (IOException)
                {
                    // The listener reset instead of closing: gone either way.
                }
            }
        }
        _open.Clear();
    }
}
