using System.Text;
using DataPlatform.Gate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Gate.Tests;

public sealed class GateEventCodecPropertyTests
{
    private static void AssertExactlyOne(GateEventParseResult result)
    {
        Assert.True(result.Event is null ^ result.Rejection is null);
        Assert.Equal(result.IsSuccess, result.Event is not null);
        if (result.Rejection is { } r)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Code));
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
        }
    }

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 500)]
    public void Parse_of_serialize_is_identity(GateEvent e)
    {
        var bytes = GateEventCodec.Serialize(e);
        var result = GateEventCodec.Parse(bytes, GateArbitraries.Now);
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(e, result.Event);
        Assert.Equal(ChinaTime.Offset, result.Event.PassTime.Offset);
        // Canonical: writing the decoded event again gives the same bytes.
        Assert.Equal(bytes, GateEventCodec.Serialize(result.Event));
    }

    [Property(MaxTest = 1000)]
    public void Parse_never_throws_on_arbitrary_bytes(byte[]? bytes) =>
        AssertExactlyOne(GateEventCodec.Parse(bytes ?? [], GateArbitraries.Now));

    [Property(MaxTest = 1000)]
    public void Parse_never_throws_on_arbitrary_strings(string? text) =>
        AssertExactlyOne(GateEventCodec.Parse(Encoding.UTF8.GetBytes(text ?? ""), GateArbitraries.Now));

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 500)]
    public Property Parse_never_throws_on_mutated_valid_events(GateEvent e) => Prop.ForAll(
        Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 255)).ListOf().ToArbitrary(),
        mutations =>
        {
            var bytes = GateEventCodec.Serialize(e);
            foreach (var (position, value) in mutations)
                bytes[position % bytes.Length] = (byte)value;
            AssertExactlyOne(GateEventCodec.Parse(bytes, GateArbitraries.Now));
        });

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 300)]
    public Property Parse_never_throws_on_truncated_valid_events(GateEvent e) => Prop.ForAll(
        Gen.Choose(0, 10_000).ToArbitrary(),
        cut =>
        {
            var bytes = GateEventCodec.Serialize(e);
            var length = cut % (bytes.Length + 1);
            var result = GateEventCodec.Parse(bytes.AsSpan(0, length), GateArbitraries.Now);
            AssertExactlyOne(result);
            Assert.Equal(length == bytes.Length, result.IsSuccess);
        });

    private static readonly string[] JsonFragments =
    [
        "{", "}", "[", "]", ",", ":", "\"eventId\"", "\"plateNo\"", "\"passTime\"", "\"direction\"", "\"pictures\"",
        "\"冀B12345\"", "1", "-1", "1e999", "null", "true", "\"\\ud800\"", "\"\\u0000\"", "\"2026-11-28T10:15:30+08:00\"",
        "0.5", "\"yellow\"", "\"H11\"", "\"\"", " ", "\uFEFF",
    ];

    [Property(MaxTest = 1000)]
    public Property Parse_never_throws_on_json_like_noise() => Prop.ForAll(
        Gen.Elements(JsonFragments).ListOf().Select(parts => string.Concat(parts)).ToArbitrary(),
        text => AssertExactlyOne(GateEventCodec.Parse(Encoding.UTF8.GetBytes(text), GateArbitraries.Now)));

    [Property(Arbitrary = [typeof(GateArbitraries)], MaxTest = 200)]
    public void Partition_key_is_enterprise_gate_lane(GateEvent e)
    {
        Assert.Equal($"{e.EnterpriseId}/{e.GateId}/{e.LaneId}", e.PartitionKey);
        Assert.Equal(3, e.PartitionKey.Split('/').Length);
    }
}
