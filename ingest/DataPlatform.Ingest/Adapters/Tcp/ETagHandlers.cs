using DataPlatform.Devices;
using DataPlatform.Devices.ETag;
using DataPlatform.Gate;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>What every e-tag protocol does with a read: drop repeats of a tag still in the field, resolve it
/// against the registrations, publish it resolved or as unknown.</summary>
internal abstract class ETagHandler<TFrame>(TcpDeviceConfig config) : TcpDeviceHandler<TFrame>(config) where TFrame : class
{
    private readonly Dictionary<string, DateTimeOffset> _lastRead = new(StringComparer.Ordinal);

    protected void Publish(TagRead read, DateTimeOffset now, List<TcpOutput> outputs)
    {
        if (IsRepeat(read)) return;
        var resolved = Config.Tags.Resolve(read);
        if (resolved.IsSuccess)
        {
            var message = Message(read, now, resolved.Value.Registration, null);
            outputs.Add(TcpOutput.Of(message));
            // A reader placed at a lane: its read is cross-checked with the lane's cameras (lane read fusion).
            if (message is { GateId.Length: > 0, LaneId.Length: > 0 })
                outputs.Add(TcpOutput.Of(new LaneTagReadMessage(message.DeviceId, message.ReceivedAt, new LaneTagRead(
                    message.MessageId, message.EnterpriseId, message.GateId, message.LaneId, message.DeviceId,
                    ChinaTime.From(read.Time), read.Epc, resolved.Value.Registration.Plate.Text, resolved.Value.Registration.VehicleId))));
        }
        else if (resolved.Rejection.Code == DeviceRejectionCodes.UnknownTag)
            outputs.Add(TcpOutput.Of(Message(read, now, null, resolved.Rejection.Reason)));
        else
            outputs.Add(TcpOutput.Of(Letter(now, resolved.Rejection, read.Epc)));
    }

    private TagReadMessage Message(TagRead read, DateTimeOffset now, TagRegistration? vehicle, string? unknown) =>
        new(TagReadMessage.IdFor(Config.DeviceId, read), Config.DeviceId, ChinaTime.From(now), Config.Device.EnterpriseId,
            Config.Device.GateId, Config.Device.LaneId, read, vehicle, unknown);

    // Readers report a tag many times a second while it is in the field: one passage is one message. The
    // window slides with every read, so a truck waiting at the barrier stays one passage.
    private bool IsRepeat(TagRead read)
    {
        var window = Config.TagRepeatWindow;
        var repeat = _lastRead.TryGetValue(read.Epc, out var last) && read.Time >= last && read.Time - last <= window;
        _lastRead[read.Epc] = read.Time;
        if (_lastRead.Count > 10_000)
            foreach (var stale in _lastRead.Where(p => read.Time - p.Value > window).Select(p => p.Key).ToList())
                _lastRead.Remove(stale);
        return repeat && window > TimeSpan.Zero;
    }
}

/// <summary>UHF reader modules' binary frames; the frame has no time, the receive time is the read's.</summary>
internal sealed class UhfModuleHandler(TcpDeviceConfig config) : ETagHandler<UhfTagNotification>(config)
{
    protected override StreamFramer<UhfTagNotification> CreateFramer() => new UhfModuleFramer();

    protected override void Handle(UhfTagNotification frame, DateTimeOffset now, List<TcpOutput> outputs) =>
        Publish(frame.ToTagRead(Config.DeviceId, now), now, outputs);
}

/// <summary>E-tag gateways that send one JSON or CSV read per line (<see cref="TagReadLine"/>).</summary>
internal sealed class TagLineHandler(TcpDeviceConfig config) : ETagHandler<string>(config)
{
    protected override StreamFramer<string> CreateFramer() => new TextLineFramer(Config.Terminator, TagReadLine.MaxLineLength);

    protected override void Handle(string line, DateTimeOffset now, List<TcpOutput> outputs)
    {
        var parsed = TagReadLine.Parse(line);
        if (parsed.IsSuccess) Publish(parsed.Value, now, outputs);
        else outputs.Add(TcpOutput.Of(Letter(now, parsed.Rejection, line)));
    }
}
