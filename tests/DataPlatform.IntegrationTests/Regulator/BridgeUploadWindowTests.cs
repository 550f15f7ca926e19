using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary>A platform that holds some requests until the client gives up must not stall the uploads: the bridge sends
/// through a sliding window in which a held request occupies only its own slot, and once slow not even that.</summary>
[Collection(EnginesCollection.Name)]
public sealed class BridgeUploadWindowTests(EnginesFixture engines)
{
    [Fact]
    public async Task Requests_the_platform_holds_do_not_hold_back_the_other_uploads()
    {
        // The platform holds the first two uploads for five minutes; the bridge's window is two requests wide, and its
        // request deadline (one minute) is longer than this test: the held requests stay out while the others go.
        var hold = new FaultPlan { Rules = [new FaultRule { Kind = FaultKind.Timeout, Probability = 1, Limit = 2 }] };
        await using var h = await BridgeHarness.StartAsync(engines, RegulatorProfiles.BaselineName, hold);
        h.Overrides["RegulatorBridge:MaxInFlight"] = "2";
        h.Overrides["RegulatorBridge:SlowRequestAfter"] = "00:00:00.300";
        h.Overrides["RegulatorBridge:MaxOutstanding"] = "4";
        h.Overrides["RegulatorBridge:ProfileSettings:Deadlines:Request"] = "00:01:00";
        await h.StartBridgeAsync();
        var ids = await h.PublishPassagesAsync(Enumerable.Range(0, 30).Select(_ => ("G01", DateTimeOffset.UtcNow)));

        // In rounds, the first round (both held) would have waited a minute; here the 28 others are acknowledged …
        Assert.Equal(28, await h.Platform.WaitForAsync(
            "SELECT count() FROM regulator_outbox FINAL WHERE state = 'Acknowledged' AND kind = 'Passage'", 28, TimeSpan.FromSeconds(50)));
        // … while the two held requests are still out, unanswered.
        Assert.Equal(2, h.Simulator.Store.Stats().FaultsInjected.Values.Sum());
        Assert.Equal(2, await h.Platform.ScalarAsync("SELECT count() FROM regulator_outbox FINAL WHERE state = 'InFlight' AND kind = 'Passage'"));
        var stored = h.Simulator.Store.Records(new RecordQuery(Kind: RecordKind.Passage)).Select(r => r.RecordId).ToHashSet();
        Assert.Equal(28, stored.Count);
        Assert.Equal(2, ids.Count(id => !stored.Contains(id)));
        Assert.Equal(0, await h.Platform.ScalarAsync("SELECT count() FROM regulator_upload_log FINAL WHERE kind = 'Passage' AND outcome NOT IN ('Acknowledged', 'Duplicate')"));
    }
}
