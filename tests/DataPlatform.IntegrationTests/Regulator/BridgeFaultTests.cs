using DataPlatform.RegulatorBridge.Profiles;
using DataPlatform.RegulatorBridge.Records;
using DataPlatform.RegulatorSimulator.Faults;
using DataPlatform.RegulatorSimulator.Store;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Regulator;

/// <summary>
/// A compressed day of uploads with the platform failing about half of the time in every way the simulator knows
/// (refusals, 5xx, timeouts, slow answers, dropped connections, duplicate and lost acks, bad signatures), a full
/// outage with a bridge restart in the middle of it, then recovery. Afterwards the platform holds every record
/// exactly once, the upload log accounts for every attempt, the outage's records are marked 补传, and the rates
/// the bridge computed agree with what the platform itself counts.
/// </summary>
[Collection(EnginesCollection.Name)]
public sealed class BridgeFaultTests(EnginesFixture engines)
{
    private static readonly string[] Gates = ["G01", "G02", "G03", "G04", "G05", "G06"];

    private static FaultPlan HalfTheTime(int seed) => FaultPlan.Everything(0.085, seed, TimeSpan.FromMilliseconds(300));

    /// <summary>Down for everything: uploads, images, heartbeats, polls and receipts.</summary>
    private static FaultPlan Outage() => new()
    {
        Rules =
        [
            new FaultRule
            {
                Kind = FaultKind.DropConnection, Probability = 1,
                Kinds = [.. Enum.GetValues<RecordKind>()],
            },
        ],
    };

    [Theory]
    [InlineData(RegulatorProfiles.BaselineName)]
    [InlineData(RegulatorProfiles.HebeiTcpName)]
    public async Task Every_record_arrives_exactly_once_through_faults_an_outage_and_a_restart(string profile)
    {
        await using var h = await BridgeHarness.StartAsync(engines, profile, HalfTheTime(profile.Length));
        await h.StartBridgeAsync();
        var now = DateTimeOffset.UtcNow;
        var perPhase = 120;

        // Morning: real-time traffic through a flaky platform.
        var realTime = await h.PublishPassagesAsync(Enumerable.Range(0, perPhase).Select(i => (Gates[i % Gates.Length], now)));
        await h.Platform.WaitForAsync("SELECT toInt64(count() >= 40) FROM regulator_outbox FINAL WHERE state = 'Acknowledged'", 1, TimeSpan.FromSeconds(60));

        // The platform goes down; the plant keeps producing for what stands in for hours.
        h.Simulator.SetFaults(Outage());
        var outage = await h.PublishPassagesAsync(Enumerable.Range(0, perPhase)
            .Select(i => (Gates[i % Gates.Length], now.AddMinutes(-90 + i * 0.5))));
        await h.Platform.WaitForAsync($"SELECT count() FROM regulator_outbox FINAL WHERE kind = 'Passage'", 2 * perPhase, TimeSpan.FromSeconds(60));
        await Task.Delay(1500);

        // The bridge restarts in the middle of the outage.
        await h.StopBridgeAsync();
        await h.StartBridgeAsync();
        await Task.Delay(500);

        // The platform recovers, still flaky; real-time traffic resumes while the backlog drains.
        h.Simulator.SetFaults(HalfTheTime(7));
        var later = await h.PublishPassagesAsync(Enumerable.Range(0, perPhase).Select(i => (Gates[i % Gates.Length], DateTimeOffset.UtcNow)));
        var all = realTime.Concat(outage).Concat(later).ToList();
        var acked = await h.Platform.WaitForAsync(
            "SELECT count() FROM regulator_outbox FINAL WHERE state = 'Acknowledged' AND kind = 'Passage'", all.Count, TimeSpan.FromSeconds(180));
        Assert.Equal(all.Count, acked);

        // Exactly once on the platform.
        var stored = h.Simulator.Store.Records(new RecordQuery(Kind: RecordKind.Passage));
        Assert.Equal(all.Order(StringComparer.Ordinal), stored.Select(r => r.RecordId).Order(StringComparer.Ordinal));
        Assert.True(h.Simulator.Store.Stats().FaultsInjected.Values.Sum() > all.Count / 2, "the platform was not faulty enough to prove anything");

        // Every other passage had a picture: it arrived inline (Hebei) or as a file id the platform issued (baseline).
        var photoField = profile == RegulatorProfiles.HebeiTcpName ? "\"ctzp\":" : "\"frontPhoto\":";
        Assert.Equal(3 * (perPhase / 2), stored.Count(r => r.Payload.Contains(photoField, StringComparison.Ordinal)));
        if (profile == RegulatorProfiles.BaselineName)
            Assert.Equal(3 * (perPhase / 2), h.Simulator.Store.Count(new RecordQuery(Kind: RecordKind.Image)));

        // The upload log: attempts numbered 1..n without gaps, exactly one acknowledgement, and it is the last one.
        using (var reader = await h.Platform.Client.ExecuteReaderAsync(
            """
            SELECT record_id, count() AS n, max(attempt) AS last, countIf(outcome IN ('Acknowledged', 'Duplicate')) AS acks,
                   argMax(outcome, attempt) IN ('Acknowledged', 'Duplicate') AS last_acked, uniqExact(mode) AS modes
            FROM regulator_upload_log FINAL WHERE kind = 'Passage' GROUP BY record_id
            """))
        {
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                var id = reader.GetString(0);
                Assert.True(Convert.ToInt64(reader.GetValue(1)) == Convert.ToInt64(reader.GetValue(2)), $"{id}: attempts have gaps");
                Assert.True(Convert.ToInt64(reader.GetValue(3)) == 1, $"{id}: not exactly one acknowledgement");
                Assert.True(Convert.ToBoolean(reader.GetValue(4)), $"{id}: acknowledged but attempted again");
                Assert.True(Convert.ToInt64(reader.GetValue(5)) == 1, $"{id}: sent under two flags");
            }
            Assert.Equal(all.Count, rows);
        }
        var logged = await h.Platform.ScalarAsync("SELECT count() FROM regulator_upload_log FINAL WHERE kind = 'Passage'");
        var seen = h.Simulator.Store.Attempts().Count(a => a.RecordId is { } id && id.Contains("-P-", StringComparison.Ordinal));
        Assert.True(logged >= seen, $"the platform saw {seen} passage attempts, the upload log holds {logged}");
        Assert.True(logged > all.Count, "no retries happened");

        // 补传: every record generated during the outage went as a re-upload, and the platform read it so.
        foreach (var id in outage)
        {
            Assert.True(h.Simulator.Store.TryGet(id, out var r));
            Assert.Equal(UploadMode.Backfill, r.Mode);
        }
        Assert.True(h.Simulator.Store.Count(new RecordQuery(Kind: RecordKind.Passage, Mode: UploadMode.RealTime)) > 0);
        Assert.Equal(
            h.Simulator.Store.Count(new RecordQuery(Kind: RecordKind.Passage, Mode: UploadMode.Backfill)),
            await h.Platform.ScalarAsync("SELECT count() FROM regulator_outbox FINAL WHERE mode = 'backfill' AND kind = 'Passage'"));

        // Rates, as stored for dashboards, match the platform's own count per gate.
        await h.Platform.WaitForAsync("SELECT sum(uploaded) FROM regulator_rates FINAL", all.Count, TimeSpan.FromSeconds(20));
        using (var reader = await h.Platform.Client.ExecuteReaderAsync(
            "SELECT gate_id, sum(generated), sum(uploaded), sum(backfilled), sum(on_time + late_real_time), sum(complete), sum(unacknowledged) FROM regulator_rates FINAL GROUP BY gate_id"))
        {
            var gates = 0;
            while (reader.Read())
            {
                gates++;
                var gate = reader.GetString(0);
                int Sim(RecordQuery q) => h.Simulator.Store.Count(q with { Kind = RecordKind.Passage, GateId = gate });
                Assert.Equal(all.Count / Gates.Length, Convert.ToInt64(reader.GetValue(1)));
                Assert.Equal(Sim(new RecordQuery()), Convert.ToInt64(reader.GetValue(2)));
                Assert.Equal(Sim(new RecordQuery(Mode: UploadMode.Backfill)), Convert.ToInt64(reader.GetValue(3)));
                Assert.Equal(Sim(new RecordQuery(Mode: UploadMode.RealTime)), Convert.ToInt64(reader.GetValue(4)));
                Assert.Equal(Sim(new RecordQuery(Complete: true)), Convert.ToInt64(reader.GetValue(5)));
                Assert.Equal(0, Convert.ToInt64(reader.GetValue(6)));
            }
            Assert.Equal(Gates.Length, gates);
        }
    }

    [Fact]
    public async Task A_record_whose_payload_cannot_be_built_fails_alone_and_does_not_stall_the_others()
    {
        await using var h = await BridgeHarness.StartAsync(engines, RegulatorProfiles.BaselineName);
        await h.StartBridgeAsync();
        var poison = Guid.NewGuid();
        // Readable enough to be queued (it has an id, a kind and a time) but without the pass time a passage needs.
        await h.PublishRawAsync("G01", $$"""{"schema":1,"recordId":"{{poison}}","kind":"passage","version":1,"gateId":"G01","entryTime":"{{DateTimeOffset.UtcNow:O}}"}""");
        var ids = await h.PublishPassagesAsync(Enumerable.Range(0, 20).Select(_ => ("G01", DateTimeOffset.UtcNow)));

        Assert.Equal(ids.Count, await h.Platform.WaitForAsync(
            "SELECT count() FROM regulator_outbox FINAL WHERE state = 'Acknowledged'", ids.Count, TimeSpan.FromSeconds(60)));
        // The typed contract cannot read it (no pass time), but its id, kind and gate are enough to keep it in the outbox:
        // it fails there for good, with the reason, instead of vanishing into a log line.
        Assert.Equal(1, await h.Platform.WaitForAsync(
            $"SELECT count() FROM regulator_outbox FINAL WHERE state = 'Failed' AND record_id = '{BridgeHarness.EntCode}-P-{poison:N}' AND position(last_error, '无法构建') > 0",
            1, TimeSpan.FromSeconds(30)));
        Assert.False(h.Simulator.Store.TryGet($"{BridgeHarness.EntCode}-P-{poison:N}", out _));
    }
}
