using System.Diagnostics;
using Confluent.Kafka;
using DataPlatform.Cli.Hosting;
using DataPlatform.Compliance.Decisions;
using DataPlatform.Processing;
using DataPlatform.Processing.Commands;
using DataPlatform.Processing.Decisions;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static DataPlatform.Tests.Decisions.DecisionFixtures;

namespace DataPlatform.Tests.Decisions;

/// <summary>The decision service on the real embedded engines, wired as the processing role wires it.</summary>
[Collection(EnginesCollection.Name)]
public sealed class DecisionServiceTests(EnginesFixture engines)
{
    private static readonly TimeSpan Join = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_orange_alert_turns_a_guo4_heavy_truck_away_within_one_second()
    {
        await using var run = await DecisionRun.StartAsync(engines);
        var (platform, store, producer, reader) = run;
        await SendCommandAsync(producer, RegisterJson("reg-1", Guo4Truck, "国四"));
        await SendCommandAsync(producer, OrangePolicyJson("p-orange", "pol-1"));
        await WaitUntilAsync(() => store.Current.Version >= 2, TimeSpan.FromSeconds(30));

        // The standing plan is not in force before the alert is declared.
        await SendEventAsync(producer, Event("before-1", Guo4Truck, DateTimeOffset.Now));
        var allowed = WaitForDecision(reader, "before-1", Join);
        Assert.Equal("allow", allowed.Outcome);
        Assert.Equal("国四", allowed.Stage);

        await SendCommandAsync(producer, AlertJson("alert-1", "orange", DateTimeOffset.Now.AddMinutes(-1)));
        var clock = Stopwatch.StartNew(); // from the command's publish ack
        var (denied, elapsed) = await FirstDenyAsync(producer, reader, Guo4Truck, clock);

        Assert.NotNull(denied);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the first deny came {elapsed.TotalMilliseconds:F0} ms after the alert's ack");
        Assert.Equal("policy:p-orange", denied.RuleId);
        Assert.Equal($"{Guo4Truck} 国四 橙色预警管控中 禁止通行", denied.DisplayText);
        Assert.True(denied.PolicyVersion >= 3);
    }

    [Fact]
    public async Task A_malformed_command_is_dead_lettered_and_never_applied()
    {
        await using var run = await DecisionRun.StartAsync(engines);
        var (platform, store, producer, _) = run;
        await SendCommandAsync(producer, AlertJson("alert-bad", "purple", DateTimeOffset.Now.AddMinutes(-1)));
        await SendCommandAsync(producer, "{\"commandId\":\"not-json\",");
        await SendCommandAsync(producer, RegisterJson("reg-after", "冀B54321", "国六"));

        // The valid command after the bad ones is applied: the consumer went past them, it did not stop.
        await WaitUntilAsync(() => store.Current.Registry.Count == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, store.Current.Version);
        Assert.Null(store.Current.Policies.DeclaredAlertLevel(Enterprise, DateTimeOffset.Now));
        Assert.Equal(2, await platform.WaitForAsync(
            "SELECT count() FROM rejected_payloads WHERE source = 'control.commands' AND stage = 'control'", 2));
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count() FROM rejected_payloads WHERE reason_code = 'unknown_code' AND position(payload, 'purple') > 0"));
    }

    [Fact]
    public async Task Decisions_reach_the_topic_and_the_ledger_with_their_display_text()
    {
        await using var run = await DecisionRun.StartAsync(engines);
        var (platform, store, producer, reader) = run;
        await SendCommandAsync(producer, BlacklistJson("bl-cmd", "冀B99999"));
        await SendCommandAsync(producer, RegisterJson("reg-6", "冀B66666", "国六"));
        await WaitUntilAsync(() => store.Current.Version >= 2, TimeSpan.FromSeconds(30));

        await SendEventAsync(producer, Event("bl-1", "冀B99999", DateTimeOffset.Now, gate: "G02"));
        await SendEventAsync(producer, Event("ok-1", "冀B66666", DateTimeOffset.Now));
        var decisions = WaitForDecisions(reader, ["bl-1", "ok-1"], Join);
        var (denied, allowed) = (decisions["bl-1"], decisions["ok-1"]);

        Assert.Equal(("deny", "blacklist", "冀B99999 未登记 常态 禁止通行"), (denied.Outcome, denied.RuleId, denied.DisplayText));
        Assert.Contains(denied.Reasons, r => r.Contains("黑名单", StringComparison.Ordinal));
        Assert.Equal(("allow", "冀B66666 国六 常态 允许通行"), (allowed.Outcome, allowed.DisplayText));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 2));
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count() FROM gate_decisions WHERE event_id = 'bl-1' AND display_text = '冀B99999 未登记 常态 禁止通行' AND outcome_text = '禁止通行'"));
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM gate_decisions WHERE passage_id = '{denied.PassageId}'"));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM interceptions WHERE plate_no = '冀B99999'"));
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT sum(interceptions) FROM interceptions_daily WHERE gate_id = 'G02' AND rule_id = 'blacklist' AND pass_date = toDate(now(), 'Asia/Shanghai')"));
    }

    [Fact]
    public async Task After_a_restart_with_Kafka_unreachable_the_gate_decides_with_the_persisted_policies()
    {
        await using var platform = CreatePlatform(engines);
        var statePath = Path.Combine(Path.GetTempPath(), "dataplatform-tests", Guid.NewGuid().ToString("N"), "policy-state.json");
        var settings = platform.Settings();
        settings["Processing:Decisions:StatePath"] = statePath;
        var events = new[]
        {
            Event("e-guo4", Guo4Truck, DateTimeOffset.Now),
            Event("e-guo6", "冀B66666", DateTimeOffset.Now),
            Event("e-unknown", "冀B77777", DateTimeOffset.Now),
            Event("e-black", "冀B99999", DateTimeOffset.Now),
        };
        try
        {
            var first = await StartHostAsync(settings);
            var store = first.Services.GetRequiredService<PolicyStore>();
            using (var producer = Producer(platform))
            {
                await SendCommandAsync(producer, RegisterJson("reg-1", Guo4Truck, "国四"));
                await SendCommandAsync(producer, RegisterJson("reg-2", "冀B66666", "国六"));
                await SendCommandAsync(producer, OrangePolicyJson("p-orange", "pol-1"));
                await SendCommandAsync(producer, BlacklistJson("bl-1", "冀B99999"));
                await SendCommandAsync(producer, AlertJson("alert-1", "orange", DateTimeOffset.Now.AddHours(-1)));
            }
            await WaitUntilAsync(() => store.Current.Version == 5, TimeSpan.FromSeconds(30));
            var before = events.Select(e => GateDecider.Decide(e, store.Current.Registry, store.Current.Policies, e.PassTime)).ToList();
            await first.StopAsync(TimeSpan.FromSeconds(30));
            first.Dispose();

            settings["Kafka:BootstrapServers"] = $"127.0.0.1:{CliProcess.FreePort()}"; // nothing listens there
            using var second = await StartHostAsync(settings);
            var restored = second.Services.GetRequiredService<PolicyStore>();
            var after = events.Select(e => GateDecider.Decide(e, restored.Current.Registry, restored.Current.Policies, e.PassTime)).ToList();

            Assert.True(restored.RestoredFromSnapshot);
            Assert.Equal(5, restored.Current.Version);
            Assert.Equal(before, after);
            Assert.Equal([GateOutcome.Deny, GateOutcome.Allow, GateOutcome.Manual, GateOutcome.Deny], after.Select(d => d.Outcome));
            await second.StopAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            try { Directory.Delete(Path.GetDirectoryName(statePath)!, recursive: true); } catch (IOException) { }
        }
    }

    private static Task<IHost> StartHostAsync(Dictionary<string, string?> settings) =>
        TestPlatform.StartHostAsync(settings, PlatformRole.Processing);


    /// <summary>A platform with the processing role running, a producer, and a reader of <c>gate.decisions</c> from
    /// the start. Disposing it stops the hosts and removes the policy snapshot.</summary>
    private sealed class DecisionRun(
        TestPlatform platform, PolicyStore store, IProducer<string, byte[]> producer, IConsumer<string, byte[]> reader) : IAsyncDisposable
    {
        public static async Task<DecisionRun> StartAsync(EnginesFixture engines)
        {
            var platform = CreatePlatform(engines);
            try
            {
                var host = await platform.StartAsync(PlatformRole.Processing);
                return new DecisionRun(
                    platform, host.Services.GetRequiredService<PolicyStore>(), DecisionFixtures.Producer(platform), DecisionReader(platform));
            }
            catch
            {
                await DecisionServiceTests.DisposeAsync(platform);
                throw;
            }
        }

        public void Deconstruct(
            out TestPlatform platform, out PolicyStore store, out IProducer<string, byte[]> producer, out IConsumer<string, byte[]> reader) =>
            (platform, store, producer, reader) = (Platform, Store, Producer, Reader);

        public TestPlatform Platform => platform;

        public PolicyStore Store => store;

        public IProducer<string, byte[]> Producer => producer;

        public IConsumer<string, byte[]> Reader => reader;

        public async ValueTask DisposeAsync()
        {
            reader.Dispose();
            producer.Dispose();
            await DecisionServiceTests.DisposeAsync(platform);
        }
    }

    /// <summary>Stops the hosts (their last snapshot write included), then removes the snapshot file.</summary>
    private static async Task DisposeAsync(TestPlatform platform)
    {
        await platform.DisposeAsync();
        try { File.Delete(DecisionsServiceCollectionExtensions.DefaultStatePath(platform.Database)); } catch (IOException) { }
    }
}
