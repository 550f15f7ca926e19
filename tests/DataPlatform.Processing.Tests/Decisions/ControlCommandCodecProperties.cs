using System.Text;
using DataPlatform.Compliance.Policies;
using DataPlatform.Processing.Commands;
using DataPlatform.Tests.Decisions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Processing.Tests.Decisions;

public sealed class ControlCommandCodecProperties
{
    [Property(MaxTest = 300)]
    public Property Serialised_commands_read_back_to_the_same_command() =>
        Prop.ForAll(CommandGenerators.Commands.ToArbitrary(), command =>
        {
            var bytes = ControlCommandCodec.Serialize(command);
            var parsed = ControlCommandCodec.Parse(bytes);
            // Byte equality of the canonical form covers every field (the records compare sets by reference).
            return parsed.IsSuccess
                   && parsed.Command.Kind == command.Kind
                   && parsed.Command.CommandId == command.CommandId
                   && parsed.Command.PartitionKey == command.PartitionKey
                   && parsed.Command.IssuedAt == command.IssuedAt
                   && ControlCommandCodec.Serialize(parsed.Command).AsSpan().SequenceEqual(bytes);
        });

    [Property(MaxTest = 500)]
    public bool Parse_never_throws_on_arbitrary_bytes(byte[] bytes) =>
        ControlCommandCodec.Parse(bytes) is { } r && r.IsSuccess != (r.Rejection is not null);

    [Property(MaxTest = 500)]
    public Property Parse_never_throws_on_damaged_commands() =>
        Prop.ForAll(
            (from command in CommandGenerators.Commands
             from cut in Gen.Choose(0, 1000)
             from flip in Gen.Choose(0, 1000)
             from value in Gen.Choose(0, 255)
             select (command, cut, flip, (byte)value)).ToArbitrary(),
            t =>
            {
                var bytes = ControlCommandCodec.Serialize(t.command);
                bytes[t.flip % bytes.Length] = t.Item4;
                var damaged = bytes.AsSpan(0, t.cut % (bytes.Length + 1)).ToArray();
                return ControlCommandCodec.Parse(bytes) is { } a && ControlCommandCodec.Parse(damaged) is { } b
                       && a.IsSuccess != (a.Rejection is not null) && b.IsSuccess != (b.Rejection is not null);
            });

    [Theory]
    [InlineData("""{"commandId":"c1","kind":"alert.set","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1","level":"purple"}""", "unknown_code")]
    [InlineData("""{"commandId":"c1","kind":"alert.raise","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1","level":"orange"}""", "unknown_kind")]
    [InlineData("""{"commandId":"c1","kind":"alert.set","issuedAt":"2026-11-28T08:00:00","enterpriseId":"E1","level":"orange"}""", "invalid_time")]
    [InlineData("""{"commandId":"c1","kind":"alert.set","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1","level":"orange","levle":"red"}""", "unknown_field")]
    [InlineData("""{"commandId":"c1","kind":"alert.set","kind":"alert.set","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1","level":"orange"}""", "duplicate_field")]
    [InlineData("""{"commandId":"c1","kind":"blacklist.add","issuedAt":"2026-11-28T08:00:00+08:00","plateNo":"冀O12345","plateColor":"yellow","reason":"x"}""", "invalid_plate")]
    [InlineData("""{"commandId":"c1","kind":"booking.add","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1","bookingId":"b1","plateNo":"冀B12345","plateColor":"yellow","windowStart":"2026-11-28T10:00:00+08:00","windowEnd":"2026-11-28T09:00:00+08:00"}""", "invalid_time")]
    [InlineData("""{"commandId":"c1","kind":"policy.add","issuedAt":"2026-11-28T08:00:00+08:00","enterpriseId":"E1"}""", "missing_field")]
    [InlineData("""[1,2]""", "bad_json")]
    public void Malformed_commands_are_rejected_with_a_code(string json, string code)
    {
        var result = ControlCommandCodec.Parse(Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Rejection!.Code);
    }

    [Fact]
    public void The_documented_orange_alert_policy_reads_as_written()
    {
        var result = ControlCommandCodec.Parse(Encoding.UTF8.GetBytes(DecisionFixtures.OrangePolicyJson("p-orange", "cmd-1")));
        Assert.True(result.IsSuccess, result.ToString());
        var policy = Assert.IsType<AddPolicy>(Assert.IsType<PolicyControlCommand>(result.Command).Command).Policy;
        Assert.Equal(DataPlatform.Gate.AlertLevel.Orange, policy.Level);
        Assert.Equal(DataPlatform.Gate.EmissionStage.Guo5, policy.MinimumStage);
        Assert.Equal(PolicyScope.HeavyTruck, policy.Scope);
        Assert.Equal(ExemptionKinds.SpecialPurpose | ExemptionKinds.Livelihood, policy.Exemptions);
        Assert.True(policy.RequiresDeclaredAlert);
        Assert.Equal("E1302001", result.Command.PartitionKey);
    }
}
