using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPlatform.Simulation;

/// <summary>The simulator's side of the lanes' e-tag readers: one TCP connection per reader to the platform's
/// listener, each reader's lines written one at a time (readers send from several passages at once).</summary>
public sealed class ETagReaderLinks(IReadOnlyDictionary<string, EndPoint> readers) : IAsyncDisposable
{
    private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool Has(string readerId) => readers.ContainsKey(readerId);

    public async Task SendAsync(SimulatedTagRead read, CancellationToken ct)
    {
        var line = LineOf(read.ReaderId);
        await line.Gate.WaitAsync(ct);
        try
        {
            line.Client ??= await TcpLines.ConnectAsync(readers[read.ReaderId], ct);
            await line.Client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(read.Line), ct);
        }
        finally
        {
            line.Gate.Release();
        }
    }

    /// <summary>Closes every line cleanly (<see cref="TcpLines.CloseAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var line in _lines.Values)
        {
            using (line.Gate)
                if (line.Client is { } client) await TcpLines.CloseAsync(client, CancellationToken.None);
        }
        _lines.Clear();
    }

    private Line LineOf(string readerId)
    {
        lock (_lock)
        {
            if (!_lines.TryGetValue(readerId, out var line)) _lines[readerId] = line = new Line();
            return line;
        }
    }

    private sealed class Line
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public TcpClient? Client { get; set; }
    }
}
