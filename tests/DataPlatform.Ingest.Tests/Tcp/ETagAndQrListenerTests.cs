using System.Text;
using DataPlatform.Devices;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Simulation;
using DataPlatform.Streams;

namespace DataPlatform.Ingest.Tests.Tcp;

public sealed class ETagAndQrListenerTests
{
    private const string KnownEpc = "E28068940000500012345678";
    private const string UnknownEpc = "E280689400005000ABCDEF01";

    /// <summary>A UHF module's tag notification: BB 02 22 PL(2) RSSI PC(2) EPC CRC(2) checksum 7E.</summary>
    private static byte[] Notification(string epc, sbyte rssi = -58)
    {
        var epcBytes = Convert.FromHexString(epc);
        var pc = (ushort)(epcBytes.Length / 2 << 11);
        byte[] parameters = [(byte)rssi, (byte)(pc >> 8), (byte)pc, .. epcBytes, 0x12, 0x34];
        byte[] body = [0x02, 0x22, 0, (byte)parameters.Length, .. parameters];
        return [0xBB, .. body, (byte)body.Sum(b => b), 0x7E];
    }

    [Fact]
    public async Task Uhf_reads_resolve_to_the_registered_vehicle_repeats_collapse_and_unknown_tags_are_published_as_unknown()
    {
        var options = TcpHarness.Options("etag");
        options.Tags = [new TagOptions { Epc = "e280 6894 0000 5000 1234 5678", PlateNo = "冀B12345", VehicleId = "V-7" }];
        await using var h = await TcpHarness.StartAsync(options);
        // A command response (type 01) is well-formed but no read: kept, not dropped.
        byte[] response = [0xBB, 0x01, 0x03, 0x00, 0x01, 0x00, 0x05, 0x7E];
        await h.SendAsync([.. Notification(KnownEpc), .. Notification(KnownEpc), .. Notification(UnknownEpc), .. response]);

        var reads = h.Sink.Messages.Cast<TagReadMessage>().ToList();
        Assert.Equal(2, reads.Count);
        Assert.Equal(("冀B12345", "V-7"), (reads[0].Vehicle!.Plate.Text, reads[0].Vehicle!.VehicleId));
        Assert.Equal(("E1302001", "G01", -58), (reads[0].EnterpriseId, reads[0].GateId, reads[0].Read.Rssi));
        Assert.Null(reads[1].Vehicle);
        Assert.Contains(UnknownEpc, reads[1].UnknownReason);
        Assert.Equal(DeviceRejectionCodes.NotATagRead, Assert.Single(h.Sink.Letters).ReasonCode);
        // The registered read also goes to its lane's partition of gate.raw, for the cross-check with the lane's
        // cameras; the unknown tag does not (it names no plate).
        var (key, lane) = Assert.Single(h.Sink.LaneTagReads);
        Assert.Equal("E1302001/G01/L1", key);
        Assert.Equal((reads[0].MessageId, "冀B12345", "V-7", "dev-01", KnownEpc), (lane.EventId, lane.PlateNo, lane.VehicleId, lane.DeviceId, lane.Epc));
        Assert.True(LaneTagRead.Is(lane.ToJson()));
    }

    [Fact]
    public async Task Tag_lines_are_read_and_bad_lines_kept()
    {
        await using var h = await TcpHarness.StartAsync(TcpHarness.Options("etag", "line"));
        await h.SendAsync(Encoding.UTF8.GetBytes($"rfid-01,{KnownEpc},1,-60,2026-11-28T10:15:30+08:00\nrfid-01,XYZ,1,-60,2026-11-28T10:15:30+08:00\n"));
        Assert.IsType<TagReadMessage>(Assert.Single(h.Sink.Messages));
        Assert.Equal(DeviceRejectionCodes.InvalidEpc, Assert.Single(h.Sink.Letters).ReasonCode);
    }

    [Fact]
    public async Task Qr_scans_become_vehicle_information_and_unknown_layouts_dead_letters()
    {
        var options = TcpHarness.Options("qr");
        options.Terminator = "etx";
        await using var h = await TcpHarness.StartAsync(options);
        var vin = SimulatedPlates.Vin(new Random(3));
        // Multi-line labelled text: the scanner's ETX suffix, not the line breaks, ends the scan.
        var scan = $"信息公开编号：CNGAG620000123000001\n车辆识别代号：{vin}\n排放阶段：国六\n燃料类型：柴油";
        await h.SendAsync(Encoding.UTF8.GetBytes($"{scan}\u0003hello world\u0003"));
        var m = Assert.IsType<VehicleListMessage>(Assert.Single(h.Sink.Messages));
        Assert.Equal((vin, EmissionStage.Guo6, FuelType.Diesel), (m.Vehicle.Vin.Value, m.Vehicle.EmissionStage, m.Vehicle.Fuel));
        var letter = Assert.Single(h.Sink.Letters);
        Assert.Equal((DeviceRejectionCodes.UnknownLayout, "hello world"), (letter.ReasonCode, Encoding.UTF8.GetString(letter.Payload)));
    }
}
