using DataPlatform.Devices;
using DataPlatform.Devices.VehicleList;
using DataPlatform.Gate;

namespace DataPlatform.Ingest.Adapters.Tcp;

/// <summary>A QR scanner in serial/TCP mode: each scan is the code's text followed by the scanner's suffix.</summary>
internal sealed class QrTextHandler(TcpDeviceConfig config) : TcpDeviceHandler<string>(config)
{
    // VehicleListQr counts characters; a Chinese character is three UTF-8 bytes.
    protected override StreamFramer<string> CreateFramer() => new TextLineFramer(Config.Terminator, VehicleListQr.MaxLength * 3);

    protected override void Handle(string text, DateTimeOffset now, List<TcpOutput> outputs)
    {
        var parsed = VehicleListQr.Parse(text);
        if (!parsed.IsSuccess)
        {
            outputs.Add(TcpOutput.Of(Letter(now, parsed.Rejection, text)));
            return;
        }
        var at = ChinaTime.From(now);
        outputs.Add(TcpOutput.Of(new VehicleListMessage(VehicleListMessage.IdFor(Config.DeviceId, at, parsed.Value), Config.DeviceId, at,
            Config.Device.EnterpriseId, Config.Device.GateId, Config.Device.LaneId, parsed.Value)));
    }
}
