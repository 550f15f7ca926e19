using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorBridge.Signing;
using DataPlatform.RegulatorSimulator.Commands;

namespace DataPlatform.RegulatorSimulator.Tests;

public sealed class CommandTests
{
    private static DateTimeOffset Now => DateTimeOffset.Now;

    private static CommandParser ParserFor(RegulatorPlatformSimulator sim, CompiledProfile profile) =>
        new(profile, new EnvelopeVerifier(profile.Profile.Envelope, Rsa2Signer.FromPublicKeyPem(sim.PlatformPublicKeyPem)), Plant.EntCode);

    private static async Task<IReadOnlyList<string>> PollAsync(HttpUplink uplink)
    {
        var answer = await uplink.PostAsync(uplink.Envelope(RecordKind.CommandPoll, "{}"));
        Assert.True(answer.Acknowledged, answer.ToString());
        using var data = JsonDocument.Parse(answer.Response!.Data!);
        return data.RootElement.GetProperty(PlatformMethods.CommandsField).EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public async Task Polled_blacklists_and_measures_verify_with_the_platform_key_and_parse_to_commands()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var listed = sim.IssueBlacklist(new BlacklistOrder("冀B12345", PlateColor.Yellow, "超标排放，遥感监测不合格"));
        var start = Now.AddMinutes(-1);
        var measure = sim.IssueEmergencyMeasure(new EmergencyMeasureOrder(AlertLevel.Orange, start, start.AddHours(48), "禁止国四及以下重型柴油货车进入"));

        var wires = await PollAsync(uplink);

        Assert.Equal(2, wires.Count);
        var parser = ParserFor(sim, Plant.Baseline);
        var nonces = new NonceWindow(TimeSpan.FromMinutes(5));
        var commands = wires.Select(w => parser.Parse(w, Now, nonces)).ToList();
        Assert.All(commands, c => Assert.True(c.IsAccepted, c.Rejection?.ToString()));
        var blacklist = Assert.IsType<BlacklistCommand>(Assert.Single(commands[0].Commands));
        Assert.Equal((listed.CommandId, "冀B12345", PlateColor.Yellow, "超标排放，遥感监测不合格"), (blacklist.CommandId, blacklist.Plate.Text, blacklist.PlateColor, blacklist.Reason));
        var emergency = Assert.IsType<EmergencyMeasureCommand>(Assert.Single(commands[1].Commands));
        Assert.Equal((measure.CommandId, AlertLevel.Orange, 2, "禁止国四及以下重型柴油货车进入"), (emergency.CommandId, emergency.WarningLevel, emergency.ResponseLevel, emergency.RuleText));
        Assert.Equal(start.ToUnixTimeSeconds(), emergency.Start.ToUnixTimeSeconds());
        Assert.Equal(start.AddHours(48).ToUnixTimeSeconds(), emergency.End.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_command_is_delivered_again_freshly_signed_until_its_receipt_arrives()
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var issued = sim.IssueBlacklist(new BlacklistOrder("冀E77821", PlateColor.Yellow, "伪造随车清单"));
        var parser = ParserFor(sim, Plant.Baseline);
        var nonces = new NonceWindow(TimeSpan.FromMinutes(5));

        var first = Assert.Single(await PollAsync(uplink));
        var second = Assert.Single(await PollAsync(uplink));
        Assert.NotEqual(first, second);
        // Both deliveries pass one nonce window: the redelivery is not a replay, and the id makes it idempotent.
        Assert.Equal(issued.CommandId, parser.Parse(first, Now, nonces).Commands[0].CommandId);
        Assert.Equal(issued.CommandId, parser.Parse(second, Now, nonces).Commands[0].CommandId);

        var receipt = uplink.Payloads.CommandReceipt(new CommandReceiptRecord(issued.CommandId, ReceiptStatus.Executed, Now, "已下发至门禁"));
        Assert.True((await uplink.PostAsync(uplink.Envelope(RecordKind.CommandReceipt, receipt))).Acknowledged);
        Assert.Empty(await PollAsync(uplink));

        var after = Assert.Single(sim.Commands());
        Assert.Equal(2, after.Deliveries);
        var logged = Assert.Single(after.Receipts);
        Assert.Equal(("executed", "已下发至门禁"), (logged.Status, logged.Message));
        Assert.Equal((1, 2, 1), (sim.Store.Stats().CommandsIssued, sim.Store.Stats().CommandDeliveries, sim.Store.Stats().CommandReceipts));
    }

    [Theory]
    [InlineData(CommandForgery.Forged, CommandRejectionReason.BadSignature)]
    [InlineData(CommandForgery.Tampered, CommandRejectionReason.BadSignature)]
    [InlineData(CommandForgery.Expired, CommandRejectionReason.Expired)]
    [InlineData(CommandForgery.Malformed, CommandRejectionReason.Malformed)]
    [InlineData(CommandForgery.Replayed, CommandRejectionReason.Replayed)]
    public async Task Bad_commands_emitted_on_demand_are_refused_by_the_bridge_parser(CommandForgery forgery, CommandRejectionReason expected)
    {
        await using var sim = await RegulatorPlatformSimulator.StartAsync(Plant.Options());
        using var uplink = new HttpUplink(sim);
        var parser = ParserFor(sim, Plant.Baseline);
        var nonces = new NonceWindow(TimeSpan.FromMinutes(5));
        sim.IssueEmergencyMeasure(new EmergencyMeasureOrder(AlertLevel.Yellow, Now, Now.AddHours(2), "错峰运输"));
        var genuine = Assert.Single(await PollAsync(uplink));
        Assert.True(parser.Parse(genuine, Now, nonces).IsAccepted);
        var receipt = uplink.Payloads.CommandReceipt(new CommandReceiptRecord(sim.Commands()[0].CommandId, ReceiptStatus.Received, Now, null));
        Assert.True((await uplink.PostAsync(uplink.Envelope(RecordKind.CommandReceipt, receipt))).Acknowledged);

        var bad = sim.IssueForgery(forgery);
        var wire = Assert.Single(await PollAsync(uplink));

        Assert.Equal(forgery, bad.Forgery);
        Assert.Equal(expected, parser.Parse(wire, Now, nonces).Rejection?.Reason);
        // A forgery goes out once.
        Assert.Empty(await PollAsync(uplink));
    }

    [Fact]
    public async Task The_schedule_issues_blacklists_and_measures_by_itself()
    {
        var options = Plant.Options();
        options.CommandSchedule.BlacklistInterval = TimeSpan.FromMilliseconds(100);
        options.CommandSchedule.EmergencyMeasureInterval = TimeSpan.FromMilliseconds(150);
        await using var sim = await RegulatorPlatformSimulator.StartAsync(options);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && sim.Commands().Select(c => c.Type).Distinct().Count() < 2)
            await Task.Delay(50);

        var commands = sim.Commands();
        Assert.Contains(commands, c => c.Type == "blacklist" && c.Data.Contains("冀B12345"));
        Assert.Contains(commands, c => c.Type == "emergency" && c.Data.Contains("黄色") && c.Data.Contains("禁止国四及以下重型柴油货车进入"));
    }
}
