using DataPlatform.Gate;
using DataPlatform.RegulatorBridge.Downlink;
using DataPlatform.RegulatorBridge.Envelope;
using DataPlatform.RegulatorBridge.Profiles;
using FsCheck;
using FsCheck.Fluent;

namespace DataPlatform.RegulatorSimulator.Tests;

/// <summary>The platform-side builders added to the protocol core for the simulator read back through the bridge's
/// own readers, per profile.</summary>
public sealed class ProtocolRoundTripProperties
{
    private static readonly string[] Plates = ["冀B12345", "冀E77821", "津C55012", "冀B6633D", "京AD12345", "冀J1234挂", "冀A1234警"];

    public sealed record Listing(bool Hebei, string Plate, PlateColor Color, int ListedOffsetSeconds, int? RemovedAfterSeconds, string Reason);

    public sealed record Measure(bool Hebei, AlertLevel Level, int StartOffsetSeconds, int DurationSeconds, string Rule);

    private static readonly DateTimeOffset Base = new(2026, 11, 28, 10, 15, 30, TimeSpan.FromHours(8));

    private static CommandParser Parser(CompiledProfile profile) =>
        new(profile, new EnvelopeVerifier(profile.Profile.Envelope, TestKeys.Platform.Verifier()), Plant.EntCode);

    private static string Sign(CompiledProfile profile, string data, string nonce) =>
        new EnvelopeBuilder(profile.Profile.Envelope, new EnvelopeIdentity("REGULATOR-SIM", Plant.EntCode), TestKeys.Platform.Signer())
            .Build(PlatformMethods.CommandPush, data, Base, nonce).Json;

    [FsCheck.Xunit.Property(MaxTest = 80)]
    public Property A_built_blacklist_parses_back_to_the_same_vehicle_per_profile() =>
        Prop.ForAll(
            (from hebei in Gen.Elements(false, true)
             from plate in Gen.Elements(Plates)
             from color in Gen.Elements(PlateColor.All.Where(c => c != PlateColor.Unknown).ToArray())
             from listed in Gen.Choose(-86_400, 0)
             from removed in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 864_000).Select(x => (int?)x)))
             from reason in Gen.Elements("超标排放", "伪造随车清单", "未按规定联网 \"引号\" & 符号")
             select new Listing(hebei, plate, color, listed, removed, reason)).ToArbitrary(),
            l =>
            {
                var profile = l.Hebei ? Plant.Hebei : Plant.Baseline;
                var listedAt = Base.AddSeconds(l.ListedOffsetSeconds);
                DateTimeOffset? removedAt = l.RemovedAfterSeconds is { } r ? listedAt.AddSeconds(r) : null;
                var data = new CommandDataBuilder(profile).Blacklist("BL-1", [new BlacklistEntry(l.Plate, l.Color, l.Reason, listedAt, removedAt)]);
                var result = Parser(profile).Parse(Sign(profile, data, "n-" + Guid.NewGuid()), Base, new NonceWindow(TimeSpan.FromMinutes(5)));
                Assert.True(result.IsAccepted, result.Rejection?.ToString());
                var command = Assert.IsType<BlacklistCommand>(Assert.Single(result.Commands));
                Assert.Equal(("BL-1", l.Plate, profile.Codec.Canonical(l.Color), l.Reason), (command.CommandId, command.Plate.Text, command.PlateColor, command.Reason));
                Assert.Equal(listedAt, command.ListedAt);
                Assert.Equal(removedAt, command.RemovedAt);
                Assert.Equal(Base, command.IssuedAt);
            });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property A_built_emergency_measure_parses_back_to_the_same_levels_window_and_rule_per_profile() =>
        Prop.ForAll(
            (from hebei in Gen.Elements(false, true)
             from level in Gen.Elements(AlertLevel.All.ToArray())
             from start in Gen.Choose(-7_200, 7_200)
             from duration in Gen.Choose(7_201, 400_000)
             from rule in Gen.Elements("禁止国四及以下重型柴油货车进入", "仅允许新能源及国六车辆进入", "Rule with ASCII & = signs")
             select new Measure(hebei, level, start, duration, rule)).ToArbitrary(),
            m =>
            {
                var profile = m.Hebei ? Plant.Hebei : Plant.Baseline;
                var start = Base.AddSeconds(m.StartOffsetSeconds);
                var end = start.AddSeconds(m.DurationSeconds);
                var data = new CommandDataBuilder(profile).EmergencyMeasure("EM-1", Plant.EntCode, start, end, m.Level, m.Rule);
                var result = Parser(profile).Parse(Sign(profile, data, "n-" + Guid.NewGuid()), Base, new NonceWindow(TimeSpan.FromMinutes(5)));
                Assert.True(result.IsAccepted, result.Rejection?.ToString());
                var command = Assert.IsType<EmergencyMeasureCommand>(Assert.Single(result.Commands));
                Assert.Equal((m.Level, m.Level.ResponseLevel, m.Rule, Plant.EntCode), (command.WarningLevel, command.ResponseLevel, command.RuleText, command.EnterpriseId));
                Assert.Equal((start, end), (command.Start, command.End));
            });

    [Theory]
    [InlineData("0", "")]
    [InlineData("1002", "1002")]
    [InlineData("2001", "")]
    public void A_built_response_reads_back_and_any_edit_breaks_its_signature(string code, string duplicateCode)
    {
        var style = new EnvelopeStyle { DuplicateCode = duplicateCode };
        var json = new ResponseBuilder(style, TestKeys.Platform.Signer()).Build(code, "成功 & 完成", """{"fileId":"F-01"}""", Base, "nonce-1", PlatformMethods.Ack, Plant.EntCode);
        var verifier = new EnvelopeVerifier(style, TestKeys.Platform.Verifier());

        Assert.True(ResponseReader.TryRead(verifier, json, Base.AddSeconds(2), out var response, out var rejection), rejection?.ToString());
        Assert.Equal((code, "成功 & 完成", """{"fileId":"F-01"}"""), (response.Code, response.Message, response.Data));
        Assert.Equal(code == "0" || code == duplicateCode, response.Acknowledged);
        Assert.Equal(duplicateCode.Length > 0 && code == duplicateCode, response.Duplicate);
        Assert.False(ResponseReader.TryRead(verifier, json.Replace("nonce-1", "nonce-2"), Base, out _, out var edited));
        Assert.Equal(EnvelopeRejectionReason.BadSignature, edited.Reason);
        Assert.Throws<ArgumentException>(() => new ResponseBuilder(style, TestKeys.Platform.Verifier()));
    }
}
