using System.Collections.Concurrent;
using System.Net;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>The addresses the TCP listeners actually bound (a configured port 0 picks a free one), by device id:
/// for logs, the simulator and tests.</summary>
public sealed class TcpListenerDirectory
{
    private readonly ConcurrentDictionary<string, IPEndPoint> _bound = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IPEndPoint> Bound => _bound;

    public IPEndPoint? EndpointOf(string deviceId) => _bound.TryGetValue(deviceId, out var ep) ? ep : null;

    internal void Add(string deviceId, IPEndPoint endpoint) => _bound[deviceId] = endpoint;

    internal void Remove(string deviceId) => _bound.TryRemove(deviceId, out _);
}
