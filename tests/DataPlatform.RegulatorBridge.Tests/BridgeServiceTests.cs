using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Commands;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Rates;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Status;
using DataPlatform.RegulatorBridge.Transports;
using DataPlatform.RegulatorBridge.Uplink;
using DataPlatform.Streams;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

/// <summary>The pure parts of the bridge service: answer matching on a persistent link, the control-command
/// mapping, ledger record reading and the findings that become alarms.</summary>
public sealed class BridgeServiceTests
{
    private static readonly EnvelopeStyle Style = new();

    private static ReceivedEnvelope Answer(string? nonce, string? data)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string?> { ["code"] = "0", ["nonce"] = nonce, ["data"] = data });
        Assert.True(EnvelopeReader.TryRead(json, out var envelope, out _));
        return envelope;
    }

    [Fact]
    public async Task Answers_are_matched_by_echoed_nonce_then_record_id_then_oldest_anonymous_request()
    {
        var pending = new PendingReplies();
        var first = pending.Register("n1", "R-1");
        var second = pending.Register("n2", "R-2");
        var login = pending.Register("n3", null);
        var heartbeat = pending.Register("n4", null);

        Assert.True(pending.TryComplete(Answer(null, """{"recordId":"R-2","duplicate":false}"""), "two", Style, "recordId"));
        Assert.True(pending.TryComplete(Answer("n1", null), "one", Style, "recordId"));
        Assert.True(pending.TryComplete(Answer("platform-own-nonce", "{}"), "login", Style, "recordId"));
        Assert.Equal("two", await second);
        Assert.Equal("one", await first);
        Assert.Equal("login", await login);
        Assert.False(heartbeat.IsCompleted);
        Assert.Equal(1, pending.Count);
    }

    [Fact]
    public async Task A_duplicate_ack_matches_nothing_and_a_dropped_link_fails_every_waiter()
    {
        var pending = new PendingReplies();
        var upload = pending.Register("n1", "R-1");
        Assert.True(pending.TryComplete(Answer("n1", null), "ack", Style, "recordId"));
        Assert.False(pending.TryComplete(Answer("n1", null), "ack again", Style, "recordId"));
        Assert.Equal("ack", await upload);

        var waiting = pending.Register("n2", "R-2");
        pending.FailAll("连接中断");
        await Assert.ThrowsAsync<IOException>(() => waiting);
        Assert.Equal(0, pending.Count);
    }

    [Property(MaxTest = 200)]
    public Property Control_ids_are_stable_and_always_valid_for_processing(NonEmptyString id)
    {
        var a = ControlCommandMapper.ControlId(id.Get);
        var b = ControlCommandMapper.ControlId(id.Get);
        return (a == b
                && a.Length is >= 1 and <= 64
                && a.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-')).ToProperty();
    }

    [Fact]
    public void Different_regulator_ids_get_different_control_ids()
    {
        var ids = Enumerable.Range(0, 500).Select(i => ControlCommandMapper.ControlId($"指令-{i}")).ToHashSet();
        Assert.Equal(500, ids.Count);
    }

    [Theory]
    [InlineData("禁止国四及以下重型柴油货车进入", AlertLevel.Orange, 5)]
    [InlineData("禁止国三及以下柴油车进入", AlertLevel.Yellow, 4)]
    [InlineData("仅允许国五及以上车辆进入", AlertLevel.Red, 5)]
    [InlineData("国五以下车辆禁止通行", AlertLevel.Orange, 5)]
    [InlineData("停止一切运输", AlertLevel.Red, 5)]
    [InlineData("减少运输", AlertLevel.Yellow, 4)]
    public void Minimum_stage_is_read_from_the_rule_text_else_from_the_level(string rule, AlertLevel level, int stage) =>
        Assert.Equal(stage, ControlCommandMapper.MinimumStage(rule, level));

    [Fact]
    public void An_emergency_measure_becomes_a_policy_add_for_heavy_trucks_in_its_window()
    {
        var measure = new EmergencyMeasureCommand("EM-07", Now, EntCode, Now.AddHours(1), Now.AddDays(2), AlertLevel.Orange, 2,
            "禁止国四及以下重型柴油货车进入");
        var (key, json) = ControlCommandMapper.Map(measure);
        Assert.Equal(EntCode, key);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        Assert.Equal("policy.add", r.GetProperty("kind").GetString());
        Assert.Equal("reg:EM-07", r.GetProperty("commandId").GetString());
        Assert.Equal("orange", r.GetProperty("level").GetString());
        Assert.Equal("5", r.GetProperty("minimumStage").GetString());
        Assert.Equal("heavyTruck", r.GetProperty("scope").GetString());
        Assert.Equal(Now.AddHours(1), DateTimeOffset.Parse(r.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("禁止国四及以下重型柴油货车进入", r.GetProperty("ruleText").GetString());
    }

    [Fact]
    public void A_blacklist_item_becomes_blacklist_add_and_a_regulator_wide_one_is_keyed_star()
    {
        var plate = PlateNumber.Parse("冀B12345");
        var (key, json) = ControlCommandMapper.Map(new BlacklistCommand("BL-1:2", Now, null, plate, PlateColor.Yellow, "", Now, Now.AddDays(30)));
        Assert.Equal("*", key);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        Assert.Equal("blacklist.add", r.GetProperty("kind").GetString());
        Assert.Equal("冀B12345", r.GetProperty("plateNo").GetString());
        Assert.Equal("yellow", r.GetProperty("plateColor").GetString());
        Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString()));
        Assert.True(r.TryGetProperty("removedAt", out _));
        Assert.False(r.TryGetProperty("enterpriseId", out _));
    }

    [Fact]
    public void A_ledger_passage_reads_with_its_generation_time_and_maps_to_an_upload_record()
    {
        var id = Guid.NewGuid();
        var json = $$"""
            {"schema":1,"recordId":"{{id}}","kind":"passage","version":1,"enterpriseId":"E1302001","gateId":"G01","laneId":"L2",
             "direction":2,"passTime":"2026-11-28T10:15:25+08:00","plateNo":"冀B12345","plateColor":"yellow","vehicleType":"H11",
             "deviceId":"cam-1","eventId":"e-1","pictures":["sha256:{{new string('a', 64)}}"],"recordHash":"x"}
            """;
        Assert.True(LedgerRecord.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out var record, out var error), error);
        Assert.Equal(id, record.RecordId);
        Assert.Equal("G01", record.GateId);
        Assert.Equal(Now.AddSeconds(-5), record.GeneratedAt);
        var passage = Assert.IsType<PassageRecord>(record.ToUpload("E1302001-P-x"));
        Assert.Equal(Direction.Out, passage.Direction);
        Assert.Equal(PlateColor.Yellow, passage.PlateColor);
        Assert.Equal("L2", passage.LaneId);
        Assert.StartsWith("sha256:", passage.Photos.Front);
        Assert.Null(passage.Photos.Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"kind":"passage","passTime":"2026-11-28T10:15:25+08:00"}""")]
    [InlineData("""{"recordId":"00000000-0000-0000-0000-000000000001","kind":"passage"}""")]
    public void A_broken_ledger_message_is_refused_with_a_reason(string json)
    {
        Assert.False(LedgerRecord.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Poll_answers_yield_each_command_envelope()
    {
        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], CommandReceiver.Messages("""{"commands":["{\"a\":1}",{"b":2}]}"""));
        Assert.Equal(["x"], CommandReceiver.Messages("""["x"]"""));
        Assert.Empty(CommandReceiver.Messages("{}"));
        Assert.Empty(CommandReceiver.Messages("oops"));
    }

    [Fact]
    public void Rate_findings_and_backlog_become_status_events_with_stable_ids()
    {
        var rate = new DailyGateRate(new DateOnly(2026, 11, 28), "G01", 100, 90, 2, 5, 3, 97, 97);
        var finding = Assert.Single(RateCalculator.Findings([rate], new RateOptions()));
        var a = BridgeFindings.FromRate(finding, EntCode, Now);
        var b = BridgeFindings.FromRate(finding, EntCode, Now.AddMinutes(1));
        Assert.Equal(BridgeStatusKinds.TransmissionRateLow, a.Kind);
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(0.9, a.Value);
        Assert.Equal("transmission:2026-11-28", a.Subject);

        Assert.Null(BridgeFindings.FromBacklog(10, Now.AddMinutes(-1), 1000, TimeSpan.FromMinutes(30), EntCode, Now));
        var old = BridgeFindings.FromBacklog(10, Now.AddHours(-2), 1000, TimeSpan.FromMinutes(30), EntCode, Now);
        Assert.Equal(BridgeStatusKinds.UploadBacklog, old!.Kind);
        Assert.NotNull(BridgeFindings.FromBacklog(5000, Now, 1000, TimeSpan.FromMinutes(30), EntCode, Now));
        var roundTrip = BridgeStatusEvent.FromJson(old.ToJson());
        Assert.Equal(old, roundTrip);
    }
}
