using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Ingest.Adapters.Tcp;
using DataPlatform.Ingest.Http;
using DataPlatform.Simulation;
using DataPlatform.Processing.Alarms.Rules;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Simulation;

/// <summary>A whole simulated day, time-compressed, through the platform's real protocols: camera pushes over
/// HTTP as registered devices, the weighbridge's indicator frames over TCP. What arrives must match what was
/// sent, by kind.</summary>
[Collection(EnginesCollection.Name)]
public sealed class SimulatedDayTests(EnginesFixture engines)
{
    private const string Token = "sim-token";

    [Theory]
    [InlineData("steel")]
    [InlineData("chemicals")]
    public async Task A_simulated_day_arrives_complete_by_kind(string name)
    {
        await using var platform = TestPlatform.Create(engines);
        platform.Kafka.CreateTopic(Topics.Weighings, 2);
        platform.Kafka.CreateTopic(Topics.DeviceEvents, 1);
        foreach (var topic in new[] { Topics.RegistryChanges, Topics.ControlCommands, Topics.Alarms, Topics.WorkAreaSightings, Topics.EmissionReadings })
            platform.Kafka.CreateTopic(topic, Topics.DefaultPartitions[topic]);
        var profile = SimulationProfile.Find(name)! with
        {
            DailyTrips = 400, FleetSize = 200, DuplicateShare = 0.05, MalformedShare = 0.02, MisreadShare = 0.03,
            SecondCameraShare = 0.05, HighEmitterShare = 0.1, OpacitySpotCheckShare = 0.1,
        };
        var settings = platform.Settings();
        var plantDevices = SimulatedPlant.DeviceSettings(profile, Token, "127.0.0.1:0", new GateEventGenerator(profile, seed: 11).Fleet);
        foreach (var (key, value) in plantDevices) settings[key] = value;
        foreach (var (key, value) in PlantMachinery.Settings(profile, Token, SimulatedPlant.NextDeviceIndex(plantDevices))) settings[key] = value;
        var builder = DataPlatformHostingExtensions.CreateBuilder(settings);
        TestLogging.Configure(builder.Logging);
        builder.AddDataPlatform(PlatformRole.All);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var scale = host.Services.GetRequiredService<TcpListenerDirectory>().EndpointOf(SimulatedPlant.WeighbridgeId)!;
            TcpProtocols.TryParse(profile.WeighbridgeProtocol, DataPlatform.Ingest.Devices.DeviceKind.Weighbridge, out var protocol, out _);
            var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
            var traffic = new GateEventGenerator(profile, seed: 11).Day(day);
            var machinery = PlantMachinery.Plan(profile, seed: 11, day);
            await using var link = new WeighbridgeLink(scale, protocol, profile.EnterpriseId);
            using var http = new HttpClient();
            var ingest = new Uri(host.Services.GetRequiredService<IngestHttpServer>().Urls[0]);
            // The guard booth registers the day's in-plant vehicles and machinery first, through its real API.
            var registered = await new GuardBoothClient(http, ingest, PlantMachinery.OperatorId, Token).RegisterAsync(machinery.Roster, CancellationToken.None);
            Assert.Equal(machinery.RegisteredInPlant + machinery.RegisteredNonRoad, registered);
            Assert.Equal(machinery.RegisteredInPlant, await platform.WaitForAsync("SELECT count() FROM in_plant_vehicles_latest", machinery.RegisteredInPlant));
            Assert.Equal(machinery.RegisteredNonRoad, await platform.WaitForAsync("SELECT count() FROM non_road_machinery_latest", machinery.RegisteredNonRoad));
            var listeners = host.Services.GetRequiredService<TcpListenerDirectory>();
            SimulationReport report;
            await using (var tagReaders = new ETagReaderLinks(SimulatedPlant.Lanes(profile).Select(l => SimulatedPlant.TagReaderId(l.Gate, l.Lane))
                             .ToDictionary(id => id, id => (System.Net.EndPoint)listeners.EndpointOf(id)!)))
                report = await new GateTrafficSimulator(http, ingest, Token, link, tagReaders).RunTrafficAsync(traffic, concurrency: 16, CancellationToken.None);
            var machineryReport = await new GateTrafficSimulator(http, ingest, Token).RunTrafficAsync(machinery.Traffic, concurrency: 8, CancellationToken.None);
            // Work-area sightings go to their own endpoint, which the simulator counts with the meters' readings.
            Assert.Equal((machinery.Traffic.Valid, machinery.Traffic.Valid, 0), (machineryReport.Valid + machineryReport.Readings,
                machineryReport.Accepted + machineryReport.ReadingsAccepted, machineryReport.Failed));

            Assert.True(traffic is { Duplicates: > 0, Malformed: > 0, Misreads: > 0, SecondCameraReads: > 0 } && traffic.Weighings.Count > 100, $"the day should exercise every kind: {report}");
            var readings = traffic.Readings;
            int Readings(SimulatedPushKind kind) => readings.Count(r => r.Kind == kind);
            Assert.True(Readings(SimulatedPushKind.Valid) > 5 && Readings(SimulatedPushKind.Malformed) > 0 && readings.Any(r => r.AbsorptionCoefficient > 1.2m), $"readings of every kind: {report}");
            Assert.Equal(0, report.Failed);
            Assert.Equal((traffic.Valid, traffic.Duplicates, traffic.Malformed), (report.Valid, report.Duplicates, report.Malformed));
            Assert.Equal(report.Valid + report.Duplicates, report.Accepted);
            Assert.Equal(report.Malformed, report.Rejected);
            Assert.Equal(traffic.SecondCameraReads, report.SecondCameraReads);
            Assert.True(traffic.TagReads > 20, $"tagged vehicles pass the lanes' readers: {traffic.TagReads}");
            Assert.Equal(traffic.TagReads, report.TagReads);
            Assert.Equal((Readings(SimulatedPushKind.Valid), Readings(SimulatedPushKind.Duplicate), Readings(SimulatedPushKind.Malformed)),
                (report.Readings, report.ReadingDuplicates, report.ReadingsMalformed));
            Assert.Equal(report.Readings + report.ReadingDuplicates, report.ReadingsAccepted);
            Assert.Equal(report.ReadingsMalformed, report.ReadingsRejected);
            Assert.Equal(traffic.Weighings.Count, report.Weighings);
            // An outage of the weighbridge line before a weighing costs a reconnect.
            var w = traffic.Weighings;
            var cuts = Enumerable.Range(1, w.Count - 1).Count(i => traffic.Outages.Any(o =>
                o.DeviceId == SimulatedPlant.WeighbridgeId && o.From > w[i - 1].At && o.From <= w[i].At));
            Assert.Equal(1 + cuts, report.WeighbridgeConnects);

            // Lane read fusion: a second camera's valid read of a truck is no passage of its own but a kept read of the
            // truck's passage (lane_reads). Every other valid read, misreads included, is one passage; duplicates
            // collapse; garbage is kept as rejections. Counts sent = counts arrived, by kind.
            var secondReads = traffic.Pushes.Where(p => p is { SecondCamera: true, Kind: SimulatedPushKind.Valid }).ToList();
            var passages = traffic.Valid - secondReads.Count + machinery.GatePassages; // work-area sightings are no passages
            Assert.Equal(passages, await platform.WaitForAsync("SELECT count() FROM passages FINAL", passages));
            Assert.Equal(passages, await platform.ScalarAsync("SELECT count() FROM passages"));
            Assert.Equal(secondReads.Count, await platform.WaitForAsync("SELECT count() FROM lane_reads FINAL WHERE source = 'camera'", secondReads.Count));
            Assert.Equal(secondReads.Count, await platform.ScalarAsync("SELECT count() FROM lane_reads WHERE source = 'camera'"));
            // Every tag read the lanes' readers sent is kept once: linked to its truck's passage, late, or unmatched.
            Assert.Equal(traffic.TagReads, await platform.WaitForAsync("SELECT count() FROM lane_reads FINAL WHERE source = 'etag'", traffic.TagReads));
            Assert.Equal(traffic.TagReads, await platform.ScalarAsync("SELECT count() FROM lane_reads WHERE source = 'etag'"));
            // Each links to its own truck's passage: joined while the passage was open, or — the day is sent compressed, so a
            // lane's next truck often arrives before the reader's line — as a late read of the written passage.
            var tagLinked = await platform.ScalarAsync("SELECT count() FROM lane_reads FINAL WHERE source = 'etag' AND relation IN ('agree', 'corrected', 'late')");
            Assert.True(tagLinked >= traffic.TagReads * 9 / 10, $"tag reads linked to a passage: {tagLinked} of {traffic.TagReads}; by relation: "
                + await platform.Client.ExecuteScalarAsync("SELECT toString(groupArray((relation, n))) FROM (SELECT relation, count() AS n FROM lane_reads FINAL WHERE source = 'etag' GROUP BY relation)"));
            var taggedMisreads = traffic.Pushes.Count(p => p is { Kind: SimulatedPushKind.Valid, Misread: true, TagRead: not null });
            Assert.InRange(await platform.ScalarAsync(
                """
                SELECT count() FROM lane_reads AS l FINAL INNER JOIN passages AS p FINAL ON p.passage_id = l.passage_id
                WHERE l.source = 'etag' AND p.plate_no != l.plate_no
                """), 0, taggedMisreads + secondReads.Count);
            // A tag that joined in time never disagrees with a passage that is not flagged: a confusable misread of a
            // tagged truck is corrected to the tag's registered plate (rule recorded; see the fusion tests).
            Assert.Equal(0, await platform.ScalarAsync(
                """
                SELECT count() FROM lane_reads AS l FINAL INNER JOIN passages AS p FINAL ON p.passage_id = l.passage_id
                WHERE l.source = 'etag' AND l.relation IN ('agree', 'corrected') AND p.plate_no != l.plate_no AND p.review_reason = ''
                """));
            // Each fused pair is a lane's two cameras (which of the two survives is the earlier read, by time then id).
            Assert.Equal(secondReads.Count, await platform.ScalarAsync(
                """
                SELECT count() FROM lane_reads AS l FINAL INNER JOIN passages AS p FINAL ON p.passage_id = l.passage_id
                WHERE l.source = 'camera' AND (l.device_id LIKE 'cam-%b') != (p.device_id LIKE 'cam-%b') AND l.lane_id = p.lane_id AND l.direction = p.direction
                """));
            // A second camera always disagrees with the truck's plate: each pair is settled on a registered plate with
            // the rule recorded, or flagged for review with both candidates, or (its partner held up by an outage)
            // kept as a late read of the written passage.
            var resolved = await platform.ScalarAsync("SELECT count() FROM lane_reads FINAL WHERE source = 'camera' AND relation IN ('agree', 'corrected') AND rule LIKE '易混字符校正%'");
            var flagged = await platform.ScalarAsync(
                """
                SELECT count() FROM lane_reads AS l FINAL INNER JOIN passages_effective AS p ON p.passage_id = l.passage_id
                WHERE l.source = 'camera' AND l.relation IN ('agree', 'conflict') AND p.review_status = 'pending' AND length(p.review_candidates) >= 2
                  AND has(p.review_candidates, l.plate_no) AND p.review_reason LIKE '%同车道%'
                """);
            var late = await platform.ScalarAsync("SELECT count() FROM lane_reads FINAL WHERE source = 'camera' AND relation = 'late'");
            Assert.True(flagged > 0, $"disagreements pending review: {flagged}, resolved {resolved}, late {late}");
            Assert.Equal(secondReads.Count, resolved + flagged + late);
            // One gate decision per passage, made on one of its reads: no second barrier command for a second camera's read.
            // The barrier cannot wait: a read arriving after its passage was written (late, e.g. a camera's backlog) may
            // have been answered on its own; that decision is kept, linked to the passage through lane_reads.
            const string onLateReads = "passage_id IN (SELECT read_id FROM lane_reads WHERE relation = 'late')";
            var decided = await platform.WaitForAsync($"SELECT count() FROM gate_decisions FINAL WHERE NOT {onLateReads}", passages);
            if (decided != passages)
            {
                // Say which reads were decided beyond one per passage, how the writer fused them, and what the lane was sent around them.
                var extra = (string)(await platform.Client.ExecuteScalarAsync(
                    $"""
                    SELECT toString(groupArray((d.event_id, d.device_id, toString(d.pass_time), d.plate_no, d.direction, l.relation, l.rule, toString(l.passage_id))))
                    FROM (SELECT * FROM gate_decisions FINAL) AS d LEFT JOIN (SELECT * FROM lane_reads FINAL) AS l ON l.read_id = d.passage_id
                    WHERE d.passage_id NOT IN (SELECT passage_id FROM passages) AND NOT d.{onLateReads}
                    """))!;
                var around = traffic.Pushes.Where(p => extra.Contains($"'{p.EventId}'", StringComparison.Ordinal))
                    .SelectMany(x => traffic.Pushes.Where(p => p.DeviceId.TrimEnd('b') == x.DeviceId.TrimEnd('b') && (p.PassTime - x.PassTime).Duration() < TimeSpan.FromMinutes(2)))
                    .Distinct().Select(p => $"{p.EventId} {p.Kind} {p.DeviceId} pass {p.PassTime:HH:mm:ss} sent {p.SendAt:HH:mm:ss} {p.VehiclePlate} dir {p.Direction} tag {p.TagRead is not null}");
                Assert.Fail($"{decided} decisions for {passages} passages; decided reads that are no passage: {extra}\nsent at that gate:\n{string.Join("\n", around)}");
            }
            Assert.Equal(0, await platform.ScalarAsync(
                """
                SELECT count() FROM passages FINAL WHERE passage_id NOT IN (SELECT passage_id FROM gate_decisions)
                  AND passage_id NOT IN (SELECT passage_id FROM lane_reads WHERE read_id IN (SELECT passage_id FROM gate_decisions))
                """));
            // First-camera misreads no other read of the lane joined keep their own low confidence: every untagged one, and
            // a tagged one whose tag read came too late to join.
            bool Fused(SimulatedPush p) => secondReads.Any(s => s.VehiclePlate == p.VehiclePlate && s.Direction == p.Direction
                                                               && (s.PassTime - p.PassTime).Duration() < TimeSpan.FromSeconds(1));
            var lonely = traffic.Pushes.Where(p => p is { Kind: SimulatedPushKind.Valid, SecondCamera: false, Misread: true } && !Fused(p)).ToList();
            var lowAlone = await platform.ScalarAsync(
                "SELECT count() FROM passages FINAL WHERE confidence < 0.8 AND passage_id NOT IN (SELECT passage_id FROM lane_reads WHERE relation IN ('agree', 'corrected', 'conflict'))");
            // (Above them: a pair whose partner came late, written from the low-confidence second camera's read alone.)
            var untaggedLonely = lonely.Where(p => p.TagRead is null).ToList();
            if (lowAlone < untaggedLonely.Count || lowAlone > lonely.Count + late)
            {
                // Name each lonely misread's passage as stored, with every read the ledger linked to it.
                var ids = string.Join(",", lonely.Select(p => $"'{p.EventId}'"));
                var stored = (string)(await platform.Client.ExecuteScalarAsync(
                    $"""
                    SELECT toString(groupArray((p.event_id, p.device_id, toString(p.pass_time), p.plate_no, p.confidence, p.review_reason, l.reads)))
                    FROM (SELECT * FROM passages FINAL WHERE event_id IN ({ids})) AS p
                    LEFT JOIN (SELECT passage_id, groupArray((source, relation, device_id, plate_no, event_id)) AS reads FROM lane_reads FINAL GROUP BY passage_id) AS l
                      ON l.passage_id = p.passage_id
                    """))!;
                Assert.Fail($"{lowAlone} low-confidence passages alone; {untaggedLonely.Count} untagged and {lonely.Count} lonely misreads sent, {late} late reads.\n"
                    + $"lonely misreads sent: {string.Join("; ", lonely.Select(p => $"{p.EventId} {p.DeviceId} pass {p.PassTime:HH:mm:ss.fff} {p.VehiclePlate} tag {p.TagRead is not null}"))}\n"
                    + $"their passages: {stored}");
            }
            // Garbage from cameras and meters, and second reads the plate grammar refuses, are kept as rejections.
            var rejections = traffic.Malformed + Readings(SimulatedPushKind.Malformed);
            Assert.Equal(rejections, await platform.WaitForAsync("SELECT count() FROM rejected_payloads FINAL", rejections));
            Assert.Equal(traffic.Pushes.Count(p => p is { SecondCamera: true, Kind: SimulatedPushKind.Malformed }),
                await platform.ScalarAsync("SELECT count() FROM rejected_payloads FINAL WHERE reason_code = 'invalid_plate' AND source LIKE 'cam-%b'"));
            Assert.Equal(traffic.Valid + machinery.GatePassages + rejections + traffic.TagReads, await platform.ScalarAsync(
                "SELECT (SELECT count() FROM passages FINAL) + (SELECT count() FROM lane_reads FINAL) + (SELECT count() FROM rejected_payloads FINAL)"));

            // Each reading is one ledger row (re-sends collapse); each high emitter over the limit raises one alarm per hour window.
            var valid = readings.Where(r => r.Kind == SimulatedPushKind.Valid).ToList();
            Assert.Equal(valid.Count, await platform.WaitForAsync("SELECT count() FROM opacity_readings FINAL", valid.Count));
            Assert.Equal(valid.Count, await platform.ScalarAsync("SELECT count() FROM opacity_readings"));
            var over = valid.Where(r => r.AbsorptionCoefficient > 1.2m).ToList();
            Assert.Equal(over.Count, await platform.ScalarAsync("SELECT count() FROM opacity_readings FINAL WHERE absorption_coefficient > 1.2"));
            var alarms = over.Select(r => (r.VehiclePlate, r.DeviceId, AlarmEvaluator.WindowStart(r.PassTime, 60))).Distinct().Count();
            Assert.Equal(alarms, await platform.WaitForAsync($"SELECT count() FROM alarms FINAL WHERE rule_id = '{EmissionAlarmRules.OpacityOverLimitId}'", alarms));
            await SimulatedMachineryLedger.AssertLandedAsync(platform, machinery);
            Assert.Equal(traffic.Weighings.Select(w => w.WeightKg).Order(), Weighings(platform, traffic.Weighings.Count).Select(w => w.Weighing.WeightKg).Order());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Reads the weighings topic from the start until <paramref name="expected"/> distinct weighings
    /// are there (or the time is up), then a moment longer to catch any extra.</summary>
    private static List<WeighingMessage> Weighings(TestPlatform platform, int expected)
    {
        var config = platform.Kafka.CreateConsumerConfig("sim-" + Guid.NewGuid().ToString("N"));
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(Topics.Weighings);
        var seen = new Dictionary<string, WeighingMessage>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        DateTime? settle = null;
        while (DateTime.UtcNow < (settle ?? deadline))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message.Value: { } value })
            {
                var decoded = DeviceMessageCodec.Decode(value);
                Assert.True(decoded.IsSuccess, decoded.ToString());
                var m = Assert.IsType<WeighingMessage>(decoded.Value);
                seen[m.MessageId] = m;
            }
            if (seen.Count >= expected && settle is null) settle = DateTime.UtcNow.AddSeconds(1);
        }
        return [.. seen.Values];
    }
}
