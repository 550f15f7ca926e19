using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Gate;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Decisions;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorSimulator.Commands;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Decisions.DecisionFixtures;

namespace DataPlatform.Tests.Regulator;

/// <summary>Downlink commands end to end: from the simulated regulator, by poll (HTTPS) or push (TCP), through the
/// bridge's checks to <c>control.commands</c> and processing's policy store.</summary>
[Collection(EnginesCollection.Name)]
public sealed class BridgeCommandTests(EnginesFixture engines)
{
    [Theory]
    [InlineData(RegulatorProfiles.BaselineName)]
    [InlineData(RegulatorProfiles.HebeiTcpName)]
    public async Task Forged_expired_replayed_malformed_and_tampered_commands_are_logged_and_never_applied(string profile)
    {
        await using var h = await BridgeHarness.StartAsync(engines, profile);
        // The simulator makes its forger's RSA key when the first forgery goes out, which can hold that one poll
        // answer for a while; a forgery is delivered only once, so the poll must not give up on it.
        h.Overrides["RegulatorBridge:ProfileSettings:Deadlines:Request"] = "00:00:10";
        await h.StartBridgeAsync();
        var genuine = h.Simulator.IssueBlacklist(new BlacklistOrder("冀B12345", PlateColor.Yellow, "超标排放"));
        await WaitUntilAsync(() => Issued(h, genuine.CommandId).Receipts.Any(r => r.Status == "executed"), TimeSpan.FromSeconds(30));

        foreach (var forgery in Enum.GetValues<CommandForgery>())
            h.Simulator.IssueForgery(forgery);
        var rejected = await h.Platform.WaitForAsync(
            "SELECT uniqExact(reason) FROM regulator_command_log WHERE step = 'rejected' AND reason IN ('BadSignature', 'Expired', 'Replayed', 'Malformed', 'MissingField', 'InvalidField')",
            4, TimeSpan.FromSeconds(30));
        Assert.True(rejected >= 4, $"only {rejected} kinds of rejection logged: "
            + string.Join(" | ", await Strings(h, "SELECT concat(step, ' ', reason, ' ', message) FROM regulator_command_log"))
            + " deliveries " + string.Join(",", h.Simulator.Commands().Select(c => $"{c.Forgery}:{c.Deliveries}")));
        await Task.Delay(500);

        var reasons = await Strings(h, "SELECT DISTINCT reason FROM regulator_command_log WHERE step = 'rejected'");
        Assert.Contains("BadSignature", reasons); // forged and tampered
        Assert.Contains("Expired", reasons);
        Assert.Contains("Replayed", reasons);
        Assert.True(reasons.Contains("Malformed") || reasons.Contains("MissingField") || reasons.Contains("InvalidField"));
        Assert.Equal(0, await h.Platform.ScalarAsync("SELECT count() FROM regulator_command_log WHERE step = 'rejected' AND raw = ''"));

        // Only the genuine command reached the gate's policies, once, however often it was delivered.
        var applied = ReadControlCommands(h);
        var only = Assert.Single(applied);
        Assert.Equal("blacklist.add", only.GetProperty("kind").GetString());
        Assert.Equal("冀B12345", only.GetProperty("plateNo").GetString());
        Assert.Equal(1, await h.Platform.ScalarAsync("SELECT count() FROM regulator_commands FINAL WHERE status = 'executed'"));
        Assert.Equal(0, await h.Platform.ScalarAsync("SELECT count() FROM regulator_commands FINAL WHERE status = 'executed' AND command_id != " + Quote(genuine.CommandId)));
    }

    [Fact]
    public async Task An_orange_measure_from_the_regulator_turns_a_guo4_truck_away_within_one_second()
    {
        await using var h = await BridgeHarness.StartAsync(engines, RegulatorProfiles.BaselineName);
        h.Overrides["RegulatorBridge:ProfileSettings:Deadlines:CommandPoll"] = "00:00:00.050";
        var host = await h.StartBridgeAsync(PlatformRole.Processing | PlatformRole.Bridge);
        var store = host.Services.GetRequiredService<PolicyStore>();
        using var producer = Producer(h.Platform);
        using var reader = DecisionReader(h.Platform);
        await SendCommandAsync(producer, RegisterJson("reg-1", Guo4Truck, "国四"));
        await WaitUntilAsync(() => store.Current.Version >= 1, TimeSpan.FromSeconds(30));
        await SendEventAsync(producer, Event("before-1", Guo4Truck, DateTimeOffset.Now));
        Assert.Equal("allow", WaitForDecision(reader, "before-1", TimeSpan.FromSeconds(60)).Outcome);

        var clock = Stopwatch.StartNew(); // from the moment the regulator issues it
        h.Simulator.IssueEmergencyMeasure(new EmergencyMeasureOrder(
            AlertLevel.Orange, DateTimeOffset.Now.AddMinutes(-1), DateTimeOffset.Now.AddHours(2), "禁止国四及以下重型柴油货车进入"));
        var (denied, elapsed) = await FirstDenyAsync(producer, reader, Guo4Truck, clock);

        Assert.NotNull(denied);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the first deny came {elapsed.TotalMilliseconds:F0} ms after the regulator issued the measure");
        Assert.StartsWith("policy:reg:", denied.RuleId);
        Assert.Equal(1, await h.Platform.WaitForAsync("SELECT count() FROM regulator_commands FINAL WHERE status = 'executed' AND command_type = 'emergency'", 1, TimeSpan.FromSeconds(10)));
    }

    private static IssuedCommand Issued(BridgeHarness h, string id) => h.Simulator.Commands().Single(c => c.CommandId == id);

    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static async Task<HashSet<string>> Strings(BridgeHarness h, string sql)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await h.Platform.Client.ExecuteReaderAsync(sql);
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    private static List<JsonElement> ReadControlCommands(BridgeHarness h)
    {
        var config = h.Platform.Kafka.CreateConsumerConfig("test-control-" + Guid.NewGuid().ToString("N"));
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(new TopicPartitionOffset(Topics.ControlCommands, 0, Offset.Beginning));
        var messages = new List<JsonElement>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < deadline)
            if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message?.Value is { } value)
                messages.Add(JsonDocument.Parse(value).RootElement.Clone());
        return messages;
    }

}
