using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Store;

namespace DataPlatform.RegulatorSimulator.Tests;

public sealed class HttpUploadTests
{
    private static DateTimeOffset Now => DateTimeOffset.Now;

    [Fact]
    public async Task A_signed_passage_is_accepted_stored_and_answered_with_a_verified_signature()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var passTime = Now.AddSeconds(-3);
        var record = Plant.Passage("000123", passTime);

        var answer = await uplink.UploadAsync(record, UploadMode.RealTime);

        Assert.True(answer.Acknowledged, answer.ToString());
        Assert.Equal("0", answer.Code);
        Assert.False(answer.Duplicate);
        var stored = Assert.Single(sim.Store.Records());
        Assert.Equal(record.RecordId, stored.RecordId);
        Assert.Equal(RecordKind.Passage, stored.Kind);
        Assert.Equal((Plant.EntCode, "G01", "L1"), (stored.EnterpriseCode, stored.GateId, stored.LaneId));
        Assert.Equal(("0", UploadMode.RealTime), (stored.ModeFlag, stored.Mode));
        Assert.Equal(passTime.ToUnixTimeSeconds(), stored.EventTime!.Value.ToUnixTimeSeconds());
        Assert.NotNull(stored.AcknowledgedAt);
        Assert.True(stored.AcknowledgedAt >= stored.FirstReceivedAt);
        Assert.Contains("冀B12345", stored.Payload);
        var stats = sim.Store.Stats();
        Assert.Equal((1, 1, 0, 1), (stats.Attempts, stats.Accepted, stats.DuplicatesDropped, stats.Acknowledged));
    }

    [Fact]
    public async Task A_repeat_of_a_record_id_is_acknowledged_as_duplicate_dropped_and_counted()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var record = Plant.Passage("000124", Now);

        var first = await uplink.UploadAsync(record);
        var second = await uplink.UploadAsync(record, UploadMode.Backfill);
        var third = await uplink.UploadAsync(record, UploadMode.Backfill);

        Assert.True(first.Acknowledged && !first.Duplicate);
        Assert.True(second.Acknowledged && second.Duplicate, second.ToString());
        Assert.True(third.Acknowledged && third.Duplicate);
        var stored = Assert.Single(sim.Store.Records());
        Assert.Equal(2, stored.Repeats);
        // The first arrival wins: the repeat's 补传 flag does not rewrite what was filed.
        Assert.Equal(UploadMode.RealTime, stored.Mode);
        var stats = sim.Store.Stats();
        Assert.Equal((3, 1, 2), (stats.Attempts, stats.Accepted, stats.DuplicatesDropped));
        Assert.Equal([AttemptResult.Accepted, AttemptResult.Duplicate, AttemptResult.Duplicate], sim.Store.Attempts(record.RecordId).Select(a => a.Result));
    }

    [Fact]
    public async Task Backfill_is_stored_as_sent_and_counted_by_kind_mode_gate_and_day()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var yesterday = Now.AddDays(-1);
        Assert.True((await uplink.UploadAsync(Plant.Passage("b1", yesterday), UploadMode.Backfill)).Acknowledged);
        Assert.True((await uplink.UploadAsync(Plant.Passage("b2", yesterday) with { GateId = "G02" }, UploadMode.Backfill)).Acknowledged);
        Assert.True((await uplink.UploadAsync(Plant.Passage("r1", Now))).Acknowledged);

        var day = DateOnly.FromDateTime(yesterday.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal(2, sim.Store.Count(new RecordQuery(Mode: UploadMode.Backfill, Day: day)));
        Assert.Equal(1, sim.Store.Count(new RecordQuery(Mode: UploadMode.Backfill, GateId: "G02")));
        Assert.Equal("1", sim.Store.Records(new RecordQuery(Mode: UploadMode.Backfill))[0].ModeFlag);
        var byMode = sim.Store.CountBy(r => r.Mode);
        Assert.Equal((2, 1), (byMode[UploadMode.Backfill], byMode[UploadMode.RealTime]));
    }

    [Fact]
    public async Task Bad_signature_stale_timestamp_replayed_nonce_and_bad_schema_are_refused_with_their_codes()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        using var forger = new HttpUplink(sim, signer: TestKeys.Stranger.Signer());
        using var stranger = new HttpUplink(sim, identity: new EnvelopeIdentity(Plant.AppId, "E9999999"));
        string Payload(string id) => uplink.Payloads.Passage(Plant.Passage(id, Now), UploadMode.RealTime, _ => null).Json;

        var forged = await forger.PostAsync(forger.Envelope(RecordKind.Passage, Payload("f1")));
        var stale = await uplink.PostAsync(uplink.Envelope(RecordKind.Passage, Payload("s1"), Now.AddMinutes(-6)));
        var once = uplink.Envelope(RecordKind.Passage, Payload("n1"));
        var genuine = await uplink.PostAsync(once);
        var replay = await uplink.PostAsync(once);
        var noPlate = await uplink.PostAsync(uplink.Envelope(RecordKind.Passage, Payload("m1").Replace("\"plateNo\":\"冀B12345\",", "")));
        var unknown = await stranger.PostAsync(stranger.Envelope(RecordKind.Passage, Payload("u1")));
        var badMethod = await uplink.PostAsync(uplink.Envelopes.Build("gate.teleport", "{}", Now, Guid.NewGuid().ToString()).Json);
        var notJson = await uplink.PostAsync("{\"appId\":");

        Assert.Equal(PlatformCodes.BadSignature, forged.Code);
        Assert.Equal(PlatformCodes.Expired, stale.Code);
        Assert.True(genuine.Acknowledged);
        Assert.Equal(PlatformCodes.Replayed, replay.Code);
        Assert.Equal(PlatformCodes.BadSchema, noPlate.Code);
        Assert.Contains("plateNo", noPlate.Response!.Message);
        Assert.Equal(PlatformCodes.UnknownEnterprise, unknown.Code);
        Assert.Equal(PlatformCodes.UnknownMethod, badMethod.Code);
        Assert.Equal(PlatformCodes.MalformedEnvelope, notJson.Code);
        // Refusals are signed too, so the bridge can trust the reason.
        Assert.All(new[] { forged, stale, replay, noPlate, unknown, badMethod, notJson }, a => Assert.False(a.Acknowledged));

        Assert.Equal(["E1302001-P-n1"], sim.Store.Records().Select(r => r.RecordId));
        var refused = sim.Store.Stats().Refused;
        Assert.Equal(1, refused[RefusalReason.BadSignature]);
        Assert.Equal(1, refused[RefusalReason.Expired]);
        Assert.Equal(1, refused[RefusalReason.Replayed]);
        Assert.Equal(1, refused[RefusalReason.BadSchema]);
        Assert.Equal(1, refused[RefusalReason.UnknownEnterprise]);
        Assert.Equal(1, refused[RefusalReason.UnknownMethod]);
        Assert.Equal(1, refused[RefusalReason.MalformedEnvelope]);
        Assert.Equal(8, sim.Store.Stats().Attempts);
    }

    [Fact]
    public async Task A_record_missing_mandatory_fields_is_kept_and_marked_incomplete()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var answer = await uplink.UploadAsync(Plant.Passage("i1", Now) with { Vin = null, FleetName = null });

        Assert.True(answer.Acknowledged);
        var stored = Assert.Single(sim.Store.Records());
        Assert.False(stored.Completeness.IsComplete);
        Assert.Equal(["vin", "fleetName"], stored.Completeness.MissingFields);
        // No picture was uploaded, so none of the referenced file ids exist.
        Assert.Contains("frontPhoto", stored.Completeness.MissingImages);
        Assert.Equal(0, sim.Store.Count(new RecordQuery(Complete: true)));
    }

    [Fact]
    public async Task Pictures_uploaded_separately_get_file_ids_that_make_the_passage_complete()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var fileIds = new Dictionary<string, string>();
        foreach (var (reference, kind) in new[] { ("sha256:front01", "frontPhoto"), ("sha256:body01", "bodyPhoto"), ("sha256:plate01", "platePhoto"), ("sha256:envlist01", "envListImage") })
            fileIds[reference] = await uplink.UploadImageAsync(Plant.EntCode + "-M-" + reference[7..], kind);
        var again = await uplink.UploadImageAsync(Plant.EntCode + "-M-front01", "frontPhoto");
        Assert.Equal(fileIds["sha256:front01"], again);
        Assert.Equal(4, fileIds.Values.Distinct().Count());

        Assert.True((await uplink.UploadAsync(Plant.Passage("c1", Now), pictures: r => fileIds[r])).Acknowledged);
        Assert.True((await uplink.UploadAsync(Plant.Passage("c2", Now), pictures: r => r == "sha256:body01" ? "F-NOT-ISSUED" : fileIds[r])).Acknowledged);

        Assert.True(sim.Store.TryGet("E1302001-P-c1", out var complete));
        Assert.True(complete.Completeness.IsComplete, complete.Completeness.Describe());
        Assert.True(sim.Store.TryGet("E1302001-P-c2", out var forgedPicture));
        Assert.Equal(["bodyPhoto"], forgedPicture.Completeness.MissingImages);
        Assert.Equal(4, sim.Store.Count(new RecordQuery(Kind: RecordKind.Image)));
        Assert.Equal(fileIds["sha256:front01"], sim.Store.Records(new RecordQuery(Kind: RecordKind.Image))[0].FileId);
    }

    [Fact]
    public async Task Registers_and_heartbeats_are_accepted_on_their_methods()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var p = uplink.Payloads;
        var answers = new[]
        {
            await uplink.PostAsync(uplink.Envelope(RecordKind.VehicleRegister, p.VehicleRegister(Plant.VehicleRegister("v1"), UploadMode.RealTime, _ => null).Json)),
            await uplink.PostAsync(uplink.Envelope(RecordKind.InPlantVehicleRegister, p.InPlantVehicleRegister(Plant.InPlant("i1"), UploadMode.RealTime, _ => null).Json)),
            await uplink.PostAsync(uplink.Envelope(RecordKind.NonRoadRegister, p.NonRoadRegister(Plant.NonRoad("n1"), UploadMode.Backfill, _ => null).Json)),
            await uplink.PostAsync(uplink.Envelope(RecordKind.Heartbeat, p.Heartbeat(new HeartbeatRecord(Now, [new DeviceStatus("CAM-01", "camera", true, Now, "正常")], "G01")))),
        };

        Assert.All(answers, a => Assert.True(a.Acknowledged, a.ToString()));
        var kinds = sim.Store.CountBy(r => r.Kind);
        Assert.Equal(1, kinds[RecordKind.VehicleRegister]);
        Assert.Equal(1, kinds[RecordKind.InPlantVehicleRegister]);
        Assert.Equal(1, kinds[RecordKind.NonRoadRegister]);
        Assert.Equal(3, sim.Store.Count());
        var stats = sim.Store.Stats();
        Assert.Equal((4, 3, 1, 1), (stats.Attempts, stats.Accepted, stats.Heartbeats, stats.NotRecords));
    }
}
