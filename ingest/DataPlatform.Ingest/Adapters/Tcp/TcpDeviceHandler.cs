using System.Text;
using DataPlatform.Devices;
using DataPlatform.Gate;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>Decodes one connection's bytes into outputs. Pure apart from the handler's device state: no I/O.</summary>
public interface ITcpConnectionDecoder
{
    /// <summary>Feeds one received chunk; returns what it completed, in stream order.</summary>
    IReadOnlyList<TcpOutput> Push(ReadOnlySpan<byte> chunk, DateTimeOffset now);

    /// <summary>The connection closed: a frame left half-received becomes a dead letter.</summary>
    IReadOnlyList<TcpOutput> Complete(DateTimeOffset now);
}

/// <summary>
/// One TCP device's protocol logic, long-lived: state that belongs to the device rather than to a connection
/// (the weighbridge's stable-weight cycle, the e-tag repeat filter) survives a converter's reconnect, so a truck
/// already weighed is not weighed again because the line dropped. Each connection gets its own framer from
/// <see cref="Open"/>; all of them share the device state under one lock.
/// </summary>
public abstract class TcpDeviceHandler(TcpDeviceConfig config)
{
    /// <summary>A dead letter's payload is capped like an HTTP body (Kafka's default message limit is 1 MB).</summary>
    public const int MaxDeadLetterBytes = 64 * 1024;

    public TcpDeviceConfig Config { get; } = config;

    protected Lock Gate { get; } = new();

    public abstract ITcpConnectionDecoder Open();

    public static TcpDeviceHandler Create(TcpDeviceConfig config) => config.Protocol switch
    {
        TcpProtocol.Xk3190Equals or TcpProtocol.Xk3190Stx or TcpProtocol.Toledo or TcpProtocol.ToledoChecksum => new IndicatorHandler(config),
        TcpProtocol.SoftwareLine => new SoftwareLineHandler(config),
        TcpProtocol.UhfModule => new UhfModuleHandler(config),
        TcpProtocol.TagLine => new TagLineHandler(config),
        TcpProtocol.QrText => new QrTextHandler(config),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Protocol, "no handler"),
    };

    protected DeadLetter Letter(DateTimeOffset now, string code, string reason, ReadOnlySpan<byte> payload)
    {
        var kept = payload.Length > MaxDeadLetterBytes ? payload[..MaxDeadLetterBytes] : payload;
        var note = payload.Length > MaxDeadLetterBytes ? $" (payload truncated to {MaxDeadLetterBytes} of {payload.Length} bytes)" : "";
        return new DeadLetter(Guid.NewGuid(), now, "ingest", Config.DeviceId, code, $"tcp {Config.Protocol.Name()}: {reason}{note}", kept.ToArray());
    }

    protected DeadLetter Letter(DateTimeOffset now, Rejection rejection, string text) =>
        Letter(now, rejection.Code, rejection.Reason, Encoding.UTF8.GetBytes(text));
}

/// <summary>A handler whose protocol is cut into <typeparamref name="TFrame"/>s by a <see cref="StreamFramer{TFrame}"/>.</summary>
public abstract class TcpDeviceHandler<TFrame>(TcpDeviceConfig config) : TcpDeviceHandler(config) where TFrame : class
{
    public override ITcpConnectionDecoder Open() => new Connection(this, CreateFramer());

    protected abstract StreamFramer<TFrame> CreateFramer();

    /// <summary>Turns one well-formed frame into outputs; called under the device lock.</summary>
    protected abstract void Handle(TFrame frame, DateTimeOffset now, List<TcpOutput> outputs);

    // Framer rejections of one read become one dead letter holding exactly the bytes that read consumed: the
    // framer reports reasons, not byte ranges, and one letter per read keeps line noise from multiplying the
    // evidence (a wrong baud rate makes every byte garbage).
    private List<TcpOutput> Collect(IReadOnlyList<DeviceResult<TFrame>> results, ReadOnlySpan<byte> consumed, DateTimeOffset now)
    {
        var outputs = new List<TcpOutput>();
        var rejections = new List<Rejection>();
        foreach (var result in results)
        {
            if (result.IsSuccess) Handle(result.Value, now, outputs);
            else rejections.Add(result.Rejection);
        }
        if (rejections.Count > 0)
        {
            var reason = string.Join("; ", rejections.Take(5).Select(r => r.Reason))
                         + (rejections.Count > 5 ? $"; and {rejections.Count - 5} more" : "");
            outputs.Add(TcpOutput.Of(Letter(now, rejections[0].Code, reason, consumed)));
        }
        return outputs;
    }

    private sealed class Connection(TcpDeviceHandler<TFrame> handler, StreamFramer<TFrame> framer) : ITcpConnectionDecoder
    {
        // A copy of what the framer holds back, so a rejection can carry the raw bytes it was made of.
        private byte[] _held = [];

        public IReadOnlyList<TcpOutput> Push(ReadOnlySpan<byte> chunk, DateTimeOffset now)
        {
            byte[] stream = [.. _held, .. chunk];
            lock (handler.Gate)
            {
                var results = framer.Push(chunk);
                var consumed = stream.Length - framer.BufferedBytes;
                _held = stream[consumed..];
                return handler.Collect(results, stream.AsSpan(0, consumed), now);
            }
        }

        public IReadOnlyList<TcpOutput> Complete(DateTimeOffset now)
        {
            lock (handler.Gate)
            {
                var results = framer.Complete();
                var raw = _held;
                _held = [];
                return handler.Collect(results, raw, now);
            }
        }
    }
}
