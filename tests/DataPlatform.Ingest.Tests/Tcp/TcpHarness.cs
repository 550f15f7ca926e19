using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Devices;
using DataPlatform.Ingest.Health;
using DataPlatform.Ingest.Journal;
using DataPlatform.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.Ingest.Tests.Tcp;

/// <summary>Collects what a listener stores, decoded, so a test sees exactly what a byte stream produced.</summary>
public sealed class CollectingSink : ITcpRecordSink
{
    public ConcurrentQueue<JournalEntry> Entries { get; } = new();

    public ConcurrentQueue<DeadLetter> Letters { get; } = new();

    public IReadOnlyList<IDeviceMessage> Messages => [.. Entries.Where(e => e.Topic is not (Topics.DeviceEvents or Topics.GateRaw)).Select(Decode)];

    /// <summary>The lane copies of registered tag reads, on gate.raw under the lane's key.</summary>
    public IReadOnlyList<(string Key, LaneTagRead Read)> LaneTagReads =>
        [.. Entries.Where(e => e.Topic == Topics.GateRaw).Select(e => (e.Key, LaneTagRead.FromJson(e.Value)))];

    public IReadOnlyList<DeviceEvent> Alarms => [.. Entries.Where(e => e.Topic == Topics.DeviceEvents).Select(e => DeviceEvent.FromJson(e.Value))];

    /// <summary>How many records each store call held, in order.</summary>
    public ConcurrentQueue<int> Runs { get; } = new();

    /// <summary>When set, every store call waits for it (a journal or broker that is slow to acknowledge).</summary>
    public Task? Hold { get; set; }

    public Task AcceptAsync(JournalEntry entry, CancellationToken ct) => AcceptManyAsync([entry], ct);

    public async Task AcceptManyAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        if (Hold is { } hold) await hold.WaitAsync(ct);
        Runs.Enqueue(entries.Count);
        foreach (var entry in entries) Entries.Enqueue(entry);
    }

    public Task RejectAsync(DeadLetter letter, CancellationToken ct)
    {
        Letters.Enqueue(letter);
        return Task.CompletedTask;
    }

    private static IDeviceMessage Decode(JournalEntry e)
    {
        var decoded = DeviceMessageCodec.Decode(e.Value);
        return decoded.IsSuccess ? decoded.Value : throw new InvalidOperationException(decoded.ToString());
    }
}

/// <summary>A real <see cref="TcpDeviceListener"/> on a loopback port, with a collecting sink.</summary>
public sealed class TcpHarness : IAsyncDisposable
{
    private readonly TcpDeviceListener _listener;

    private TcpHarness(TcpDeviceListener listener, TcpListenerDirectory directory, string deviceId, DeviceHealthTracker health, CollectingSink sink)
    {
        _listener = listener;
        Sink = sink;
        Endpoint = directory.EndpointOf(deviceId)!;
        Health = health;
    }

    public CollectingSink Sink { get; }

    public IPEndPoint Endpoint { get; }

    public DeviceHealthTracker Health { get; }

    public static DeviceOptions Options(string kind, string protocol = "") => new()
    {
        DeviceId = "dev-01", Kind = kind, EnterpriseId = "E1302001", GateId = "G01", LaneId = "L1", Token = "t",
        Listen = "127.0.0.1:0", Protocol = protocol,
    };

    public static async Task<TcpHarness> StartAsync(DeviceOptions options)
    {
        var registration = new DeviceRegistry([options]).Find(options.DeviceId)!;
        var config = TcpDeviceConfig.From(options, registration);
        var directory = new TcpListenerDirectory();
        var health = new DeviceHealthTracker([options.DeviceId], TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow);
        var sink = new CollectingSink();
        var listener = new TcpDeviceListener(config, TcpDeviceHandler.Create(config), sink, health,
            new AuthAlarmThrottle(TimeSpan.FromMinutes(1)), TimeProvider.System, directory, NullLogger<TcpDeviceListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        return new TcpHarness(listener, directory, options.DeviceId, health, sink);
    }

    /// <summary>Connects, writes <paramref name="chunks"/> one TCP write each, closes the sending side and waits
    /// until the listener has read everything and closed: after that every output is in the sink.</summary>
    public async Task SendAsync(IEnumerable<byte[]> chunks)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(Endpoint);
        var stream = client.GetStream();
        foreach (var chunk in chunks)
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }
        client.Client.Shutdown(SocketShutdown.Send);
        var buffer = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await stream.ReadAsync(buffer, timeout.Token) > 0) { }
    }

    public Task SendAsync(byte[] bytes) => SendAsync([bytes]);

    public async ValueTask DisposeAsync()
    {
        await _listener.StopAsync(CancellationToken.None);
        _listener.Dispose();
    }
}

public static class Chunks
{
    /// <summary>Cuts <paramref name="bytes"/> at the given (any, unsorted, possibly repeated) positions.</summary>
    public static List<byte[]> Split(byte[] bytes, IEnumerable<int> cuts)
    {
        var points = cuts.Select(c => Math.Abs(c % (bytes.Length + 1))).Append(0).Append(bytes.Length).Distinct().Order().ToList();
        return [.. points.Zip(points.Skip(1)).Select(p => bytes[p.First..p.Second])];
    }
}
