using DataPlatform.Devices.ETag;
using DataPlatform.Devices.VehicleList;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Simulation;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests.Tcp;

/// <summary>The wire format is the contract with every consumer: whatever the adapters can publish decodes to
/// the same value, and no input makes the decoder throw.</summary>
public sealed class DeviceMessageCodecProperties
{
    private static readonly Gen<DateTimeOffset> Times =
        from ticks in Gen.Choose(0, int.MaxValue)
        from fraction in Gen.Choose(0, 9_999_999)
        select new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(ticks).AddTicks(fraction);

    private static readonly Gen<string?> Text = Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements<string?>("铁矿石", "T-0012", "潍柴动力股份有限公司", "a \"quoted\" \\ line\n"));

    private static readonly Gen<PlateNumber?> Plates =
        Gen.OneOf(Gen.Constant<PlateNumber?>(null), Generators.OrdinaryPlate.Select(p => (PlateNumber?)PlateNumber.Parse(p)));

    private static readonly Gen<IDeviceMessage> Weighings =
        from time in Times
        from received in Times
        from grams in Gen.Choose(1, int.MaxValue)
        from kind in Gen.Elements(WeighingKind.Unknown, WeighingKind.Gross, WeighingKind.Tare)
        from ticket in Text
        from cargo in Text
        from plate in Plates
        let kg = grams / 1000m
        select (IDeviceMessage)new WeighingMessage("wb-01", received,
            new WeighingEvent(WeighingEventId.Create("E1302001", "WB01", time, kg, ticket), "E1302001", "WB01", time, kg, kind, ticket, cargo, plate));

    private static readonly Gen<IDeviceMessage> VehicleLists =
        from seed in Gen.Choose(0, 100_000)
        from received in Times
        from stage in Gen.OneOf(Gen.Constant<EmissionStage?>(null), Gen.Elements(EmissionStage.All.ToArray()).Select(s => (EmissionStage?)s))
        from fuel in Gen.OneOf(Gen.Constant<FuelType?>(null), Gen.Elements(FuelType.All.ToArray()).Select(f => (FuelType?)f))
        from model in Text
        from maker in Text
        from days in Gen.Choose(0, 10_000)
        from dated in Gen.Elements(true, false)
        from gate in Gen.Elements("", "G01")
        let vehicle = new VehicleInfo("CNGAG620000123000001", Vin.Parse(SimulatedPlates.Vin(new Random(seed))), model, "WP10H400E50", maker,
            stage, fuel, maker, dated ? DateOnly.FromDayNumber(730_000 + days) : null, "vecc-json")
        select (IDeviceMessage)new VehicleListMessage(VehicleListMessage.IdFor("qr-01", received, vehicle), "qr-01", received, "E1302001", gate, gate.Length == 0 ? "" : "L1", vehicle);

    private static readonly Gen<IDeviceMessage> TagReads =
        from words in Gen.Choose(1, 8)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), words * 2)
        from antenna in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 64).Select(a => (int?)a))
        from rssi in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-128, 127).Select(a => (int?)a))
        from time in Times
        from resolved in Gen.Elements(true, false)
        from plate in Generators.OrdinaryPlate
        from vehicleId in Gen.Elements<string?>(null, "V-7")
        let read = new TagRead("rfid-01", Convert.ToHexString(bytes), antenna, rssi, time)
        select (IDeviceMessage)new TagReadMessage(TagReadMessage.IdFor("rfid-01", read), "rfid-01", time, "E1302001", "G01", "L1", read,
            resolved ? new TagRegistration(read.Epc, PlateNumber.Parse(plate), vehicleId) : null,
            resolved ? null : $"EPC {read.Epc} is not registered to any vehicle");

    public static Arbitrary<IDeviceMessage> Messages() => Gen.OneOf(Weighings, VehicleLists, TagReads).ToArbitrary();

    [Property(Arbitrary = [typeof(DeviceMessageCodecProperties)], MaxTest = 500)]
    public void Every_message_round_trips(IDeviceMessage message)
    {
        var decoded = DeviceMessageCodec.Decode(DeviceMessageCodec.Encode(message));
        Assert.True(decoded.IsSuccess, decoded.ToString());
        Assert.Equal(message, decoded.Value);
        Assert.Equal((message.Topic, message.Key, message.MessageId), (decoded.Value.Topic, decoded.Value.Key, decoded.Value.MessageId));
    }

    [Property(Arbitrary = [typeof(DeviceMessageCodecProperties)], MaxTest = 300)]
    public void Damaged_bytes_decode_to_a_message_or_a_reason_never_an_exception(IDeviceMessage message, int position, byte flip)
    {
        var bytes = DeviceMessageCodec.Encode(message);
        bytes[Math.Abs(position % bytes.Length)] ^= (byte)(flip | 1);
        var decoded = DeviceMessageCodec.Decode(bytes);
        Assert.True(decoded.IsSuccess || decoded.Rejection.Reason.Length > 0);
    }
    private static readonly Gen<LaneTagRead> LaneTagReads =
        from time in Times
        from plate in Generators.OrdinaryPlate
        from lane in Gen.Elements("L1", "L2", "in-2")
        from vehicleId in Gen.Elements<string?>(null, "V-7", "厂内-01")
        from epc in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 12)
        select new LaneTagRead("tag-" + Convert.ToHexStringLower(epc[..6]), "E1302001", "G01", lane, "rfid-01", time,
            Convert.ToHexString(epc), plate, vehicleId);

    [Property(MaxTest = 300)]
    public Property A_lane_tag_read_round_trips_and_is_told_from_a_gate_event() =>
        Prop.ForAll(LaneTagReads.ToArbitrary(), read =>
        {
            var message = new LaneTagReadMessage(read.DeviceId, read.ReadAt, read);
            var bytes = DeviceMessageCodec.Encode(message);
            Assert.True(LaneTagRead.Is(bytes));
            Assert.Equal(read, LaneTagRead.FromJson(bytes));
            Assert.Equal((Topics.GateRaw, $"E1302001/G01/{read.LaneId}"), (message.Topic, message.Key));
            // The lane's camera events on the same partition are never taken for one.
            var camera = new GateEvent(read.EventId, read.EnterpriseId, read.GateId, read.LaneId, Direction.In, read.ReadAt,
                PlateNumber.Parse(read.PlateNo), PlateColor.Yellow, 0.9, VehicleType.Parse("H11"), "cam-01", []);
            Assert.False(LaneTagRead.Is(GateEventCodec.Serialize(camera)));
        });
}
