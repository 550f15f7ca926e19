using DataPlatform.Streams;
using DataPlatform.Streams.Settings;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Ingest.Tests.Streams;

public sealed class SettingProblemsProperties
{
    [Property]
    public Property A_value_is_reported_exactly_when_it_lies_outside_its_range_and_the_message_names_the_setting(NormalFloat value, NormalFloat a, NormalFloat b)
    {
        var (min, max) = (Math.Min(a.Get, b.Get), Math.Max(a.Get, b.Get));
        var problems = new SettingProblems().InRange("Section:Setting", value.Get, min, max).All;
        var outside = value.Get < min || value.Get > max;
        return (problems.Count == (outside ? 1 : 0) && problems.All(p => p.StartsWith("Section:Setting = ", StringComparison.Ordinal))).ToProperty();
    }

    [Fact]
    public void Every_problem_is_kept_in_order_not_only_the_first()
    {
        var result = new SettingProblems().NotBlank("A:One", " ").InRange("A:Two", 0, 1, 2).HttpUrl("A:Three", "ftp://x").Add(null).Result;
        Assert.True(result.Failed);
        Assert.Equal(["A:One", "A:Two", "A:Three"], result.Failures!.Select(f => f.Split(' ')[0].TrimEnd(':')));
    }

    [Theory]
    [InlineData("127.0.0.1:9092", true)]
    [InlineData("kafka:9092, 10.0.0.2:9093", true)]
    [InlineData("", false)]
    [InlineData("kafka", false)]
    [InlineData("kafka:0", false)]
    [InlineData("kafka:port", false)]
    public void Kafka_bootstrap_servers_must_be_host_port_pairs(string servers, bool valid)
    {
        var result = new KafkaOptionsValidation().Validate(null, new KafkaOptions { BootstrapServers = servers });
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.All(result.Failures!, f => Assert.StartsWith("Kafka:BootstrapServers", f));
    }
}
