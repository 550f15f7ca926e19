using System.Text.Json;
using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static DataPlatform.RegulatorBridge.Tests.Fixture;

namespace DataPlatform.RegulatorBridge.Tests;

public sealed class DownlinkTests
{
    private static readonly TestKeys PlatformKeys = TestKeys.Generate();
    private static readonly TestKeys ForgerKeys = TestKeys.Generate();

    private static readonly EnvelopeBuilder PlatformSide = new(Baseline.Profile.Envelope, Platform, PlatformKeys.Signer());
    private static readonly EnvelopeBuilder Forger = new(Baseline.Profile.Envelope, Platform, ForgerKeys.Signer());
    private static readonly CommandParser Parser = new(Baseline, new EnvelopeVerifier(Baseline.Profile.Envelope, PlatformKeys.Verifier()), EntCode);

    private const string Blacklist = """
        {"commandId":"BL-20261128-001","commandType":"blacklist","items":[
          {"plateNo":"冀B12345","plateColor":1,"reason":"超标排放，遥感监测不合格","listTime":"2026-11-28 09:00:00","removeTime":""},
          {"plateNo":"冀 B·67890F","plateColor":"5","reason":"伪造随车清单","listTime":"2026-11-28 09:05:00","removeTime":"2026-12-28 09:05:00"}]}
        """;

    private const string OrangeMeasure = """
        {"commandId":"EM-20261128-TS-07","commandType":"emergency","entCode":"E1302001",
         "startTime":"2026-11-28 12:00:00","endTime":"2026-11-30 24:00:00","warningLevel":"橙色","responseLevel":"II级",
         "rule":"禁止国四及以下重型柴油货车进入"}
        """;

    private static string Signed(string data, DateTimeOffset at, string nonce, EnvelopeBuilder? by = null) =>
        (by ?? PlatformSide).Build("gate.command.push", data, at, nonce).Json;

    private static NonceWindow Window() => new(Baseline.Profile.Envelope.MessageWindow);

    [Fact]
    public void A_signed_blacklist_becomes_one_command_per_vehicle_with_normalised_plates()
    {
        var result = Parser.Parse(Signed(Blacklist, Now, "n-bl-1"), Now, Window());
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        Assert.Equal(2, result.Commands.Count);
        var first = Assert.IsType<BlacklistCommand>(result.Commands[0]);
        Assert.Equal("BL-20261128-001:1", first.CommandId);
        Assert.Equal("冀B12345", first.Plate.Text);
        Assert.Equal(PlateColor.Yellow, first.PlateColor);
        Assert.Equal("超标排放，遥感监测不合格", first.Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, China), first.ListedAt);
        Assert.Null(first.RemovedAt);
        Assert.Equal(Now, first.IssuedAt);
        var second = Assert.IsType<BlacklistCommand>(result.Commands[1]);
        Assert.Equal("冀B67890F", second.Plate.Text);
        Assert.Equal(PlateColor.YellowGreen, second.PlateColor);
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 5, 0, China), second.RemovedAt);
    }

    [Fact]
    public void A_signed_orange_measure_becomes_an_emergency_command()
    {
        var data = OrangeMeasure.Replace("2026-11-30 24:00:00", "2026-11-30 23:59:59");
        var result = Parser.Parse(Signed(data, Now, "n-em-1"), Now, Window());
        var measure = Assert.IsType<EmergencyMeasureCommand>(Assert.Single(result.Commands));
        Assert.Equal((AlertLevel.Orange, 2), (measure.WarningLevel, measure.ResponseLevel));
        Assert.Equal("禁止国四及以下重型柴油货车进入", measure.RuleText);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 0, 0, China), measure.Start);
        Assert.Equal("E1302001", measure.EnterpriseId);
    }

    [Fact]
    public void Forged_replayed_and_expired_commands_are_refused_with_reasons()
    {
        var window = Window();
        var valid = OrangeMeasure.Replace("2026-11-30 24:00:00", "2026-11-30 23:00:00");
        Assert.Equal(CommandRejectionReason.BadSignature, Parser.Parse(Signed(valid, Now, "n1", Forger), Now, window).Rejection?.Reason);
        var genuine = Signed(valid, Now, "n1");
        Assert.True(Parser.Parse(genuine, Now, window).IsAccepted);
        Assert.Equal(CommandRejectionReason.Replayed, Parser.Parse(genuine, Now.AddSeconds(30), window).Rejection?.Reason);
        Assert.Equal(CommandRejectionReason.Expired, Parser.Parse(genuine, Now.AddMinutes(6), Window()).Rejection?.Reason);

        var ended = valid.Replace("2026-11-30 23:00:00", "2026-11-28 10:00:00").Replace("2026-11-28 12:00:00", "2026-11-28 08:00:00");
        var rejection = Parser.Parse(Signed(ended, Now, "n2"), Now, window).Rejection;
        Assert.Equal(CommandRejectionReason.Expired, rejection?.Reason);
        Assert.Equal("EM-20261128-TS-07", rejection!.CommandId);
        Assert.Contains("已于", rejection.Message);
    }

    [Theory]
    [InlineData("""{"commandType":"blacklist"}""", CommandRejectionReason.MissingField)]
    [InlineData("""{"commandId":"X","commandType":"weather"}""", CommandRejectionReason.UnknownCommandType)]
    [InlineData("""{"commandId":"X","commandType":"blacklist","items":[{"plateNo":"ABC","plateColor":1,"listTime":"2026-11-28 09:00:00"}]}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"blacklist","items":[{"plateNo":"冀B12345","plateColor":7,"listTime":"2026-11-28 09:00:00"}]}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"blacklist","items":[{"plateNo":"冀B12345","plateColor":1,"listTime":"2026/11/28"}]}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"blacklist","items":[]}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"emergency","entCode":"E9999999","startTime":"2026-11-28 12:00:00","endTime":"2026-11-29 12:00:00","warningLevel":"红色","rule":"r"}""", CommandRejectionReason.WrongEnterprise)]
    [InlineData("""{"commandId":"X","commandType":"emergency","entCode":"E1302001","startTime":"2026-11-29 12:00:00","endTime":"2026-11-28 12:00:00","warningLevel":"红色","rule":"r"}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"emergency","entCode":"E1302001","startTime":"2026-11-28 12:00:00","endTime":"2026-11-29 12:00:00","warningLevel":"紫色","rule":"r"}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"emergency","entCode":"E1302001","startTime":"2026-11-28 12:00:00","endTime":"2026-11-29 12:00:00","warningLevel":"红色","responseLevel":"III级","rule":"r"}""", CommandRejectionReason.InvalidField)]
    [InlineData("""{"commandId":"X","commandType":"emergency","entCode":"E1302001","startTime":"2026-11-28 12:00:00","endTime":"2026-11-29 12:00:00","warningLevel":"红色"}""", CommandRejectionReason.MissingField)]
    [InlineData("""not json""", CommandRejectionReason.Malformed)]
    [InlineData("""[1,2]""", CommandRejectionReason.Malformed)]
    public void Malformed_commands_are_refused_never_applied(string data, CommandRejectionReason expected)
    {
        var result = Parser.Parse(Signed(data, Now, Guid.NewGuid().ToString()), Now, Window());
        Assert.Empty(result.Commands);
        Assert.Equal(expected, result.Rejection?.Reason);
        Assert.NotEmpty(result.Rejection!.Message);
    }

    // Chinese stays readable inside data, so the tampering below can find 红色 in the envelope text.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Attack(int Kind, int Seconds, string Text);

    /// <summary>Kind 0: signed by a forger; 1: a byte of the signed message changed; 2: replayed; 3: stale or
    /// from the future beyond the window.</summary>
    [Property(MaxTest = 80)]
    public Property Forged_tampered_replayed_and_expired_commands_are_always_rejected() =>
        Prop.ForAll(
            (from kind in Gen.Choose(0, 3)
             from seconds in Gen.Choose(301, 100_000)
             from text in Gens.UnicodeText(1, 10)
             select new Attack(kind, seconds, text)).ToArbitrary(),
            a =>
            {
                var data = JsonSerializer.Serialize(new
                {
                    commandId = "EM-1", commandType = "emergency", entCode = EntCode, startTime = "2026-11-28 12:00:00",
                    endTime = "2026-11-29 12:00:00", warningLevel = "红色", rule = "限行：" + a.Text,
                }, Relaxed);
                var window = Window();
                CommandParseResult result;
                switch (a.Kind)
                {
                    case 0:
                        result = Parser.Parse(Signed(data, Now, "n"), Now, window);
                        Assert.True(result.IsAccepted, result.Rejection?.ToString());
                        result = Parser.Parse(Signed(data, Now, "m", Forger), Now, window);
                        Assert.Equal(CommandRejectionReason.BadSignature, result.Rejection?.Reason);
                        break;
                    case 1:
                        var tampered = Signed(data, Now, "n").Replace("红色", "黄色");
                        result = Parser.Parse(tampered, Now, window);
                        Assert.Equal(CommandRejectionReason.BadSignature, result.Rejection?.Reason);
                        break;
                    case 2:
                        var message = Signed(data, Now, "n");
                        Assert.True(Parser.Parse(message, Now, window).IsAccepted);
                        result = Parser.Parse(message, Now.AddSeconds(a.Seconds % 300), window);
                        Assert.Equal(CommandRejectionReason.Replayed, result.Rejection?.Reason);
                        break;
                    default:
                        var sign = a.Seconds % 2 == 0 ? 1 : -1;
                        result = Parser.Parse(Signed(data, Now.AddSeconds(sign * a.Seconds), "n"), Now, window);
                        Assert.Equal(CommandRejectionReason.Expired, result.Rejection?.Reason);
                        break;
                }
                Assert.True(result.IsAccepted || result.Commands.Count == 0);
            });

    [Fact]
    public void The_Hebei_profile_reads_alternate_colour_numbers_and_its_own_time_format()
    {
        var verifier = new EnvelopeVerifier(Hebei.Profile.Envelope, PlatformKeys.Verifier());
        var parser = new CommandParser(Hebei, verifier, EntCode);
        var builder = new EnvelopeBuilder(Hebei.Profile.Envelope, Platform, PlatformKeys.Signer());
        var data = """{"commandId":"HB-9","commandType":"黑名单","hphm":"冀E54321","hpys":2,"reason":"黑烟车","listTime":"20261128 090000"}""";
        var message = builder.Build("PUSH_BLACKLIST", data, Now, "hb-n1");
        Assert.Contains("\"timestamp\":\"20261128101530\"", message.Json);
        var command = Assert.IsType<BlacklistCommand>(Assert.Single(parser.Parse(message.Json, Now, Window()).Commands));
        Assert.Equal(("冀E54321", PlateColor.Yellow, "HB-9"), (command.Plate.Text, command.PlateColor, command.CommandId));
    }
}
