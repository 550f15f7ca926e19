using System.Text;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Devices.Weighbridge;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Processing.Passages;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Store;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary>
/// Processing and the bridge together on the real engines, against the regulator platform simulator: a road vehicle
/// learnt into the registry passes the gate and its passages arrive complete (every mandatory field and image), the
/// exit once, with the trip's cargo and net weight; register versions arrive through the profile's register methods.
/// </summary>
[Collection(EnginesCollection.Name)]
public sealed class RegistryEnrichedUploadTests(EnginesFixture engines)
{
    private const string Plate = "冀B12345";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(RegulatorProfiles.BaselineName)]
    [InlineData(RegulatorProfiles.HebeiTcpName)]
    public async Task A_registered_vehicles_passages_and_register_changes_arrive_complete(string profile)
    {
        await using var h = await BridgeHarness.StartAsync(engines, profile);
        foreach (var topic in new[] { Topics.RegistryChanges, Topics.Weighings })
            h.Platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        h.Overrides["Processing:Trips:IntervalSeconds"] = "0.5";
        h.Overrides["Processing:Trips:PublishLagSeconds"] = "0";
        h.Overrides["RegulatorBridge:ExitHold"] = "00:00:40";
        await h.StartBridgeAsync(PlatformRole.Processing | PlatformRole.Bridge);
        var config = h.Platform.Kafka.CreateProducerConfig();
        config.Acks = Acks.All;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();

        // The registry: a road vehicle as the national platform describes it, with its 随车清单 picture; an in-plant
        // vehicle registered, then changed (two versions).
        var envList = h.StorePicture("随车清单-" + Plate);
        var now = DateTimeOffset.UtcNow;
        await ChangeAsync(producer, "road", $"{Plate}/yellow", now.AddHours(-3), new()
        {
            ["plateNo"] = Plate, ["plateColor"] = "yellow", ["vin"] = "LFWADRJF011002346", ["vehicleType"] = "H11", ["useNature"] = "F",
            ["model"] = "CA4250P66K24T1A", ["engineModel"] = "WP10.336E62", ["engineMaker"] = "潍柴动力", ["engineNo"] = "1620E012345",
            ["registerDate"] = "2021-05-06", ["fuel"] = "B", ["stage"] = "6b", ["obdOnline"] = "true", ["owner"] = "某物流有限公司",
            ["envListImage"] = envList,
        });
        var license = h.StorePicture("行驶证-CN-0001");
        Dictionary<string, string> InPlant(string owner) => new()
        {
            ["registrationCode"] = "CN-0001", ["vin"] = "LFWADRJF011002346", ["productionDate"] = "2020-01-02", ["plateNo"] = "冀BN0001",
            ["plateColor"] = "yellow", ["registerDate"] = "2020-02-03", ["model"] = "CA1040", ["engineModel"] = "4DW", ["engineMaker"] = "一汽",
            ["engineNo"] = "4DW-1", ["fuel"] = "B", ["stage"] = "5", ["owner"] = owner, ["licenseImage"] = license,
        };
        await ChangeAsync(producer, "in-plant", "CN-0001", now.AddHours(-2), InPlant("本厂"));
        await ChangeAsync(producer, "in-plant", "CN-0001", now.AddHours(-1), InPlant("本厂运输队"));
        Assert.Equal(1, await h.Platform.WaitForAsync("SELECT count() FROM road_vehicles FINAL", 1, Within));

        // A trip: entry with three photos, gross and tare weighings, then the exit now.
        var photos = Enumerable.Range(0, 3).Select(i => h.StorePicture($"photo-{profile}-{i}")).ToList();
        var entryTime = now.AddMinutes(-40);
        await SendEventAsync(producer, Event("in-1", Direction.In, entryTime, photos));
        await SendWeighingAsync(producer, Weighing("wb-gross", entryTime.AddMinutes(5), 49_000m, WeighingKind.Gross, "煤炭"));
        await SendWeighingAsync(producer, Weighing("wb-tare", entryTime.AddMinutes(30), 15_540m, WeighingKind.Tare, null));
        Assert.Equal(2, await h.Platform.WaitForAsync("SELECT count() FROM weighings", 2, Within));
        await SendEventAsync(producer, Event("out-1", Direction.Out, DateTimeOffset.UtcNow, photos));

        var entryId = $"{BridgeHarness.EntCode}-P-{PassageIdentity.For(BridgeHarness.EntCode, "G01", "in-1"):N}";
        var exitId = $"{BridgeHarness.EntCode}-P-{PassageIdentity.For(BridgeHarness.EntCode, "G01", "out-1"):N}";
        var entry = await StoredAsync(h, entryId);
        var exit = await StoredAsync(h, exitId);

        // Complete on the platform's own reading: every mandatory field and the required images.
        Assert.True(entry.Completeness.IsComplete, entry.Completeness.Describe() + "\n" + entry.Payload);
        Assert.True(exit.Completeness.IsComplete, exit.Completeness.Describe() + "\n" + exit.Payload);
        var hebei = profile == RegulatorProfiles.HebeiTcpName;
        Assert.Contains("LFWADRJF011002346", entry.Payload);
        Assert.Contains("某物流有限公司", entry.Payload);
        // The exit went once, with the trip's cargo and net weight (49 000 − 15 540 kg = 33.5 t), in real time.
        Assert.Contains(hebei ? "\"hwmc\":\"煤炭\"" : "\"cargoName\":\"煤炭\"", exit.Payload);
        Assert.Contains(hebei ? "\"ysl\":33.5" : "\"cargoWeightT\":33.5", exit.Payload);
        Assert.Equal(UploadMode.RealTime, exit.Mode);
        Assert.Equal(0, exit.Repeats);
        Assert.DoesNotContain("cargoWeightT", entry.Payload);

        // Register versions: the road vehicle through the vehicle register method, the in-plant vehicle's two versions
        // through the in-plant method, each under its own id.
        var vehicles = await RecordsAsync(h, RecordKind.VehicleRegister, 1);
        Assert.Contains("LFWADRJF011002346", vehicles[0].Payload);
        Assert.True(vehicles[0].Completeness.IsComplete, vehicles[0].Completeness.Describe());
        var inPlant = await RecordsAsync(h, RecordKind.InPlantVehicleRegister, 2);
        Assert.Equal(2, inPlant.Select(r => r.RecordId).Distinct().Count());
        Assert.Contains(inPlant, r => r.Payload.Contains("本厂运输队", StringComparison.Ordinal));
        Assert.All(inPlant, r => Assert.True(r.Completeness.IsComplete, r.Completeness.Describe()));
        Assert.All(vehicles.Concat(inPlant), r => Assert.Contains($"{BridgeHarness.EntCode}-", r.RecordId));

        // The bridge's own completeness agrees: all five records (two passages, three register versions) are
        // acknowledged in the outbox (it notes the answer just after the platform stored the record) and complete.
        Assert.Equal(5, await h.Platform.WaitForAsync("SELECT count() FROM regulator_outbox FINAL WHERE state = 'Acknowledged'", 5, Within));
        using var reader = await h.Platform.Client.ExecuteReaderAsync(
            "SELECT record_id, kind, state, missing FROM regulator_outbox FINAL WHERE complete = 0 OR state != 'Acknowledged'");
        var incomplete = new List<string>();
        while (reader.Read()) incomplete.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        Assert.Empty(incomplete);
    }

    private static async Task<StoredRecord> StoredAsync(BridgeHarness h, string id)
    {
        var deadline = DateTime.UtcNow + Within;
        while (DateTime.UtcNow < deadline)
        {
            if (h.Simulator.Store.TryGet(id, out var record) && record.AcknowledgedAt is not null) return record;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"{id} did not reach the platform");
    }

    private static async Task<IReadOnlyList<StoredRecord>> RecordsAsync(BridgeHarness h, RecordKind kind, int count)
    {
        var deadline = DateTime.UtcNow + Within;
        while (DateTime.UtcNow < deadline && h.Simulator.Store.Count(new RecordQuery(Kind: kind)) < count)
            await Task.Delay(200);
        var records = h.Simulator.Store.Records(new RecordQuery(Kind: kind));
        Assert.Equal(count, records.Count);
        return records;
    }

    private static Task ChangeAsync(IProducer<string, byte[]> producer, string register, string key, DateTimeOffset at, Dictionary<string, string> fields)
    {
        var change = new RegistryChange(Guid.NewGuid(), register, BridgeHarness.EntCode, key,
            register == "road" ? RegistryChange.NationalPlatformSource : RegistryChange.GuardBoothSource, "guard-01", at, fields);
        return producer.ProduceAsync(Topics.RegistryChanges, new Message<string, byte[]> { Key = change.PartitionKey, Value = change.ToJson() });
    }

    private static GateEvent Event(string eventId, Direction direction, DateTimeOffset time, IReadOnlyList<string> pictures) => new(
        eventId, BridgeHarness.EntCode, "G01", "L1", direction, time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond)),
        PlateNumber.Parse(Plate), PlateColor.Yellow, 0.97, VehicleType.Parse("H11"), "cam-01", pictures);

    private static Task SendEventAsync(IProducer<string, byte[]> producer, GateEvent e) =>
        producer.ProduceAsync(Topics.GateRaw, new Message<string, byte[]> { Key = e.PartitionKey, Value = GateEventCodec.Serialize(e) });

    private static WeighingMessage Weighing(string id, DateTimeOffset time, decimal kg, WeighingKind kind, string? cargo) =>
        new("wb-dev-1", time.AddSeconds(1), new WeighingEvent(id, BridgeHarness.EntCode, "WB1", time, kg, kind, "T-" + id, cargo, PlateNumber.Parse(Plate)));

    private static Task SendWeighingAsync(IProducer<string, byte[]> producer, WeighingMessage m) =>
        producer.ProduceAsync(m.Topic, new Message<string, byte[]> { Key = m.Key, Value = DeviceMessageCodec.Encode(m) });
}
