using DataPlatform.Devices;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>A weighbridge indicator's continuous output: frames → readings (stamped with the receive time; the
/// frames carry none) → <see cref="StableWeightDetector"/> → one weighing per vehicle on the scale.</summary>
internal sealed class IndicatorHandler(TcpDeviceConfig config) : TcpDeviceHandler<IndicatorFrame>(config)
{
    private readonly StableWeightDetector _detector = new(config.Scale);
    private DateTimeOffset _lastStamp;

    protected override StreamFramer<IndicatorFrame> CreateFramer() => Config.Protocol switch
    {
        TcpProtocol.Xk3190Equals => new Xk3190EqualsFramer(),
        TcpProtocol.Xk3190Stx => new Xk3190StxFramer(),
        TcpProtocol.Toledo => new ToledoContinuousFramer(checksumPresent: false),
        _ => new ToledoContinuousFramer(checksumPresent: true),
    };

    protected override void Handle(IndicatorFrame frame, DateTimeOffset now, List<TcpOutput> outputs)
    {
        // Frames carry no time, and one read can hold dozens of them (a converter flushing its buffer): each
        // reading gets its own strictly later stamp, else two trucks of equal weight in one read would get the
        // same time, hence the same weighing id, and the ledger would keep only one of them.
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddTicks(1);
        if (_detector.Push(IndicatorReading.FromFrame(frame, _lastStamp, Config.KgPerUnit)) is { } weighing)
            outputs.Add(TcpOutput.Of(new WeighingMessage(Config.DeviceId, ChinaTime.From(now), weighing)));
    }
}

/// <summary>Weighbridge software that reports finished weighings (ticket, cargo, plate) as lines.</summary>
internal sealed class SoftwareLineHandler(TcpDeviceConfig config) : TcpDeviceHandler<string>(config)
{
    protected override StreamFramer<string> CreateFramer() => new TextLineFramer(Config.Terminator, WeighbridgeSoftwareLine.MaxLineLength);

    protected override void Handle(string line, DateTimeOffset now, List<TcpOutput> outputs)
    {
        var parsed = WeighbridgeSoftwareLine.Parse(line, Config.Device.EnterpriseId);
        outputs.Add(parsed.IsSuccess
            ? TcpOutput.Of(new WeighingMessage(Config.DeviceId, ChinaTime.From(now), parsed.Value))
            : TcpOutput.Of(Letter(now, parsed.Rejection, line)));
    }
}
