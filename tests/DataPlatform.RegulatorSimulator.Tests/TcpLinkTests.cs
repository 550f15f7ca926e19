using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Signing;
using DataPlatform.RegulatorSimulator.Commands;
using DataPlatform.RegulatorSimulator.Faults;

namespace DataPlatform.RegulatorSimulator.Tests;

public sealed class TcpLinkTests
{
    private static DateTimeOffset Now => DateTimeOffset.Now;

    [Fact]
    public async Task Login_heartbeat_and_uploads_are_acked_on_the_persistent_link_with_the_nonce_echoed()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        await using var link = await TcpUplink.ConnectAsync(sim);

        var login = await link.LoginAsync();
        var (loginAck, loginEnvelope) = await link.NextAckAsync();
        Assert.True(loginAck.Acknowledged);
        Assert.Equal(login.Nonce, loginEnvelope.Get("nonce"));

        var heartbeat = await link.SendAsync("HEARTBEAT", link.Payloads.Heartbeat(new HeartbeatRecord(Now, [new DeviceStatus("BAR-01", "barrier", true, Now, "正常")], "G01")));
        var (heartbeatAck, heartbeatEnvelope) = await link.NextAckAsync();
        Assert.True(heartbeatAck.Acknowledged);
        Assert.Equal(heartbeat.Nonce, heartbeatEnvelope.Get("nonce"));

        var record = Plant.Passage("t1", Now.AddSeconds(-2));
        var upload = await link.UploadAsync(record, UploadMode.Backfill);
        var (ack, envelope) = await link.NextAckAsync();
        Assert.True(ack.Acknowledged);
        Assert.Equal(upload.Nonce, envelope.Get("nonce"));
        Assert.Contains(record.RecordId, ack.Data);

        Assert.Equal(1, sim.TcpClientsLoggedIn);
        var stored = Assert.Single(sim.Store.Records());
        Assert.Equal((record.RecordId, RegulatorProfiles.HebeiTcpName, "1", UploadMode.Backfill), (stored.RecordId, stored.Profile, stored.ModeFlag, stored.Mode));
        // Pictures travel inline on this profile; the Hebei payload uses pinyin field names.
        Assert.True(stored.Completeness.IsComplete, stored.Completeness.Describe());
        Assert.Contains("\"hphm\":\"冀B12345\"", stored.Payload);
        Assert.NotNull(stored.AcknowledgedAt);
        Assert.Equal(1, sim.Store.Stats().Heartbeats);
    }

    [Fact]
    public async Task Acks_come_asynchronously_a_slow_one_after_later_lines()
    {
        var slowFirst = new FaultPlan { Rules = [new FaultRule { Kind = FaultKind.SlowResponse, Probability = 1, Limit = 1, Stage = FaultStage.AfterStore, Delay = TimeSpan.FromMilliseconds(800) }] };
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options(slowFirst));
        await using var link = await TcpUplink.ConnectAsync(sim);
        await link.LoginAsync();
        await link.NextAckAsync();

        var slow = await link.UploadAsync(Plant.Passage("a1", Now));
        var quick = await link.UploadAsync(Plant.Passage("a2", Now));
        var first = await link.NextAckAsync();
        var second = await link.NextAckAsync();

        Assert.Equal(quick.Nonce, first.Envelope.Get("nonce"));
        Assert.Equal(slow.Nonce, second.Envelope.Get("nonce"));
        Assert.True(first.Response.Acknowledged && second.Response.Acknowledged);
        Assert.Equal(2, sim.Store.Count(new Store.RecordQuery(Acknowledged: true)));
    }

    [Fact]
    public async Task Commands_are_pushed_at_login_and_as_issued_and_verify_with_the_platform_key()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        var parser = new CommandParser(Plant.Hebei, new EnvelopeVerifier(Plant.Hebei.Profile.Envelope, Rsa2Signer.FromPublicKeyPem(sim.PlatformPublicKeyPem)), Plant.EntCode);
        var nonces = new NonceWindow(TimeSpan.FromMinutes(5));
        var pending = sim.IssueBlacklist(new BlacklistOrder("冀B6633D", PlateColor.Green, "未按规定联网"));
        await using var link = await TcpUplink.ConnectAsync(sim);

        await link.LoginAsync();
        await link.NextAckAsync();
        var atLogin = await link.NextAsync();
        var measure = sim.IssueEmergencyMeasure(new EmergencyMeasureOrder(AlertLevel.Red, Now, Now.AddHours(12), "禁止国五及以下重型柴油货车进入"));
        var pushed = await link.NextAsync();
        sim.IssueForgery(CommandForgery.Forged);
        var forged = await link.NextAsync();

        Assert.True(EnvelopeReader.TryRead(atLogin, out var e, out _));
        Assert.Equal(PlatformMethods.CommandPush, e.Get("method"));
        var blacklist = Assert.IsType<BlacklistCommand>(Assert.Single(parser.Parse(atLogin, Now, nonces).Commands));
        Assert.Equal((pending.CommandId, "冀B6633D", PlateColor.Green), (blacklist.CommandId, blacklist.Plate.Text, blacklist.PlateColor));
        var emergency = Assert.IsType<EmergencyMeasureCommand>(Assert.Single(parser.Parse(pushed, Now, nonces).Commands));
        Assert.Equal((measure.CommandId, AlertLevel.Red, 1), (emergency.CommandId, emergency.WarningLevel, emergency.ResponseLevel));
        Assert.Equal(CommandRejectionReason.BadSignature, parser.Parse(forged, Now, nonces).Rejection?.Reason);

        var receipt = link.Payloads.CommandReceipt(new CommandReceiptRecord(measure.CommandId, ReceiptStatus.Executed, Now, "已执行"));
        await link.SendAsync("COMMAND_RECEIPT", receipt);
        Assert.True((await link.NextAckAsync()).Response.Acknowledged);
        Assert.Single(sim.Commands().Single(c => c.CommandId == measure.CommandId).Receipts);
    }

    [Fact]
    public async Task A_refused_line_gets_a_signed_refusal_and_the_link_stays_up()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        await using var link = await TcpUplink.ConnectAsync(sim);
        var once = link.Envelope("UPLOAD_PASSAGE", link.Payloads.Passage(Plant.Passage("r1", Now), UploadMode.RealTime, _ => Plant.TinyImage).Json);

        await link.SendRawAsync(once.Json);
        var accepted = await link.NextAckAsync();
        await link.SendRawAsync(once.Json);
        var replayed = await link.NextAckAsync();
        await link.SendRawAsync("not json at all");
        var garbage = await link.NextAckAsync();
        await link.UploadAsync(Plant.Passage("r2", Now));
        var next = await link.NextAckAsync();

        Assert.True(accepted.Response.Acknowledged);
        Assert.Equal(PlatformCodes.Replayed, replayed.Response.Code);
        Assert.Equal(PlatformCodes.MalformedEnvelope, garbage.Response.Code);
        Assert.True(next.Response.Acknowledged);
        Assert.Equal(2, sim.Store.Count());
    }
}
