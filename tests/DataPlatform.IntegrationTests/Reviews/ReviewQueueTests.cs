using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Reviews;
using DataPlatform.Streams;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Tests.Integrity;
using Microsoft.Extensions.DependencyInjection;
using static DataPlatform.Tests.Reviews.ReviewPlatform;

namespace DataPlatform.Tests.Reviews;

/// <summary>The manual-review queue on the real engines: flagged passages, the sealed review ledger, the effective
/// view, ledger.records and tamper evidence.</summary>
[Collection(EnginesCollection.Name)]
public sealed class ReviewQueueTests(EnginesFixture engines)
{
    [Fact]
    public async Task A_low_confidence_read_is_pending_until_corrected_then_published_corrected_and_still_verifiable()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, host, producer) = run;

        var t = RecentChinaTime(TimeSpan.FromHours(1));
        await SendAsync(producer, Event("rv-low", "冀B1234S", Gate.Direction.In, t, confidence: 0.62));
        await SendAsync(producer, Event("rv-sure", "冀B67890", Gate.Direction.In, t.AddSeconds(5), confidence: 0.97));
        Assert.Equal(2, await platform.WaitForAsync("SELECT count() FROM passages", 2));
        var low = PassageIdentity.For(Enterprise, "G01", "rv-low");
        var sure = PassageIdentity.For(Enterprise, "G01", "rv-sure");

        // Recorded, flagged, in the queue; the certain one is not.
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM review_queue"));
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM passages_effective WHERE passage_id = '{low}' AND review_status = 'pending' AND review_reason LIKE '%置信度%'"));
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM passages_effective WHERE passage_id = '{sure}' AND review_status = 'none'"));

        // Only the certain passage went to the regulator.
        var first = ReadRecords(platform, r => r.Any(x => x.RecordId == sure), TimeSpan.FromSeconds(30));
        Assert.Contains(first, r => r.RecordId == sure && r.Version == 1 && r.Json.GetProperty("reviewStatus").GetString() == "none");
        Assert.DoesNotContain(first, r => r.RecordId == low);

        // The guard corrects the plate; the same action resent is one action.
        var correct = new ReviewActionMessage("rv-act-1", low, ReviewActionKinds.Correct, "张三", DateTimeOffset.Now,
            "副相机图片可见 冀B12345，S 为 5 的误识", "cli", PlateNo: "冀B12345");
        await SendAsync(producer, correct);
        await SendAsync(producer, correct);
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM review_actions", 1));
        // Approving a certain passage is refused and kept as a dead letter with the reason.
        await SendAsync(producer, new ReviewActionMessage("rv-act-2", sure, ReviewActionKinds.Approve, "张三", DateTimeOffset.Now, "", "cli"));
        Assert.Equal(1, await platform.WaitForAsync($"SELECT count() FROM rejected_payloads WHERE reason_code = '{ReviewActionConsumer.RefusedCode}'", 1));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM review_actions"));

        using (var reader = await platform.Client.ExecuteReaderAsync(
                   $"SELECT plate_no, recorded_plate_no, review_status, resolutions FROM passages_effective WHERE passage_id = '{low}'"))
        {
            Assert.True(reader.Read());
            Assert.Equal("冀B12345", reader.GetString(0));
            Assert.Equal("冀B1234S", reader.GetString(1));
            Assert.Equal("corrected", reader.GetString(2));
            Assert.Equal(1, Convert.ToInt32(reader.GetValue(3)));
        }
        Assert.Equal(0, await platform.ScalarAsync("SELECT count() FROM review_queue"));
        // Audited: who, why, before and after; the sealed passage row is untouched.
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count() FROM review_actions WHERE operator = '张三' AND plate_no_before = '冀B1234S' AND plate_no_after = '冀B12345' " +
            "AND status_before = 'pending' AND status_after = 'corrected' AND reason LIKE '%误识%' AND record_hash != ''"));
        Assert.Equal(1, await platform.ScalarAsync($"SELECT count() FROM passages WHERE passage_id = '{low}' AND plate_no = '冀B1234S'"));

        // ledger.records carries the corrected record as version 2.
        // (At least once: a rebalance while the host starts may repeat a record, always as the same version.)
        var records = ReadRecords(platform, r => r.Any(x => x.RecordId == low), TimeSpan.FromSeconds(30));
        var corrected = records.Where(r => r.RecordId == low).ToList();
        Assert.NotEmpty(corrected);
        Assert.All(corrected, r =>
        {
            Assert.Equal(2UL, r.Version);
            Assert.Equal("冀B12345", r.Json.GetProperty("plateNo").GetString());
            Assert.Equal("corrected", r.Json.GetProperty("reviewStatus").GetString());
        });
        Assert.All(records.Where(r => r.RecordId == sure), r => Assert.Equal(1UL, r.Version));

        // Both ledgers verify.
        var passages = await host.Services.GetRequiredService<LedgerVerifier>().VerifyAsync(null, null, CancellationToken.None);
        var reviews = await host.Services.GetRequiredService<ReviewLedgerVerifier>().VerifyAsync(null, null, CancellationToken.None);
        Assert.True(passages.IsIntact, string.Join("\n", passages.Findings));
        Assert.True(reviews.IsIntact, string.Join("\n", reviews.Findings));
        Assert.Equal(1, reviews.Records);

        // An in-place edit of the correction, or of the flag on the passage, is detected.
        var actionId = ReviewActionWriter.IdFor("rv-act-1");
        await SealedLedger.MutateAsync(platform, $"ALTER TABLE review_actions UPDATE plate_no_after = '冀B99999' WHERE action_id = '{actionId}'");
        var tampered = await host.Services.GetRequiredService<ReviewLedgerVerifier>().VerifyAsync(null, null, CancellationToken.None);
        Assert.Contains(tampered.Findings, f => f.RecordId == actionId.ToString("D"));
        await SealedLedger.MutateAsync(platform, $"ALTER TABLE passages UPDATE review_reason = '' WHERE passage_id = '{low}'");
        var unflagged = await host.Services.GetRequiredService<LedgerVerifier>().VerifyAsync(null, null, CancellationToken.None);
        Assert.Contains(unflagged.Findings, f => f.RecordId == low.ToString("D"));
    }

    [Fact]
    public async Task The_same_event_id_re_pushed_with_another_pass_time_stays_one_passage_and_one_decision()
    {
        await using var run = await ProcessingRun.StartAsync(engines);
        var (platform, _, producer) = run;

        var t = RecentChinaTime(TimeSpan.FromDays(2));
        await SendAsync(producer, Event("rp-1", "冀B12345", Gate.Direction.In, t));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM passages", 1));
        Assert.Equal(1, await platform.WaitForAsync("SELECT count() FROM gate_decisions", 1));
        // The device fixed its clock and re-pushed: another day, even another month boundary does not matter.
        await SendAsync(producer, Event("rp-1", "冀B12345", Gate.Direction.In, t.AddDays(1).AddMinutes(7)));
        await SendAsync(producer, Event("rp-2", "冀B67890", Gate.Direction.In, t.AddDays(1).AddMinutes(8)));
        Assert.Equal(2, await platform.WaitForAsync("SELECT uniqExact(passage_id) FROM passages", 2));
        Assert.Equal(2, await platform.WaitForAsync("SELECT uniqExact(passage_id) FROM gate_decisions", 2));
        Assert.Equal(2, await platform.ScalarAsync("SELECT count() FROM passages"));
        Assert.Equal(2, await platform.ScalarAsync("SELECT count() FROM gate_decisions"));
        // The stored copy is the first one.
        Assert.Equal(1, await platform.ScalarAsync(
            $"SELECT count() FROM passages WHERE event_id = 'rp-1' AND toUnixTimestamp(pass_time) = {t.ToUnixTimeSeconds()}"));
    }
}
