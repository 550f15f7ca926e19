using DataPlatform.Cli.Hosting;
using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary>Rates and backlog from the bridge become alarms in processing, through the bridge status topic: the
/// bridge never references processing.</summary>
[Collection(EnginesCollection.Name)]
public sealed class BridgeAlarmTests(EnginesFixture engines)
{
    [Fact]
    public async Task A_platform_outage_raises_low_transmission_rate_backlog_and_platform_down_alarms()
    {
        var outage = new FaultPlan { Rules = [new FaultRule { Kind = FaultKind.DropConnection, Probability = 1, Kinds = [.. Enum.GetValues<RecordKind>()] }] };
        await using var h = await BridgeHarness.StartAsync(engines, RegulatorProfiles.BaselineName, outage);
        h.Overrides["RegulatorBridge:BacklogAlarmCount"] = "10";
        h.Overrides["RegulatorBridge:BacklogAlarmAge"] = "00:00:30";
        await h.StartBridgeAsync(PlatformRole.Processing | PlatformRole.Bridge);
        await h.PublishPassagesAsync(Enumerable.Range(0, 30).Select(i => ("G01", DateTimeOffset.UtcNow.AddMinutes(-5))));

        var raised = await h.Platform.WaitForAsync(
            "SELECT uniqExact(rule_id) FROM alarms FINAL WHERE rule_id IN ('transmission-rate-low', 'upload-backlog', 'regulator-platform-down')",
            3, TimeSpan.FromSeconds(60));
        Assert.Equal(3, raised);
        Assert.Equal(1, await h.Platform.ScalarAsync(
            "SELECT count() FROM alarms FINAL WHERE rule_id = 'transmission-rate-low' AND gate_id = 'G01' AND severity = 'critical' AND position(title, '传输率') > 0"));
        var rate = await h.Platform.ScalarAsync("SELECT toInt64(round(100 * max(transmission_rate))) FROM regulator_rates FINAL WHERE gate_id = 'G01'");
        Assert.Equal(0, rate);
    }
}
