using DataPlatform.Compliance.Integrity;
using DataPlatform.Gate;
using DataPlatform.Processing.Integrity;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Integrity;

/// <summary>
/// <c>ledger verify</c> on a ledger whose retention deletes old rows (issue 12 item 7): on days retention reached, a
/// chain missing its first records or its head is what the TTL does and is reported as such; an altered record on
/// the same day is still tampering. The TTL's work is reproduced with deletes of exactly what it removes (the rows of
/// a day from its start, a day's chain head), since waiting for a 24-month TTL to fire is not a test.
/// </summary>
[Collection(EnginesCollection.Name)]
public sealed class RetentionVerifyTests(EnginesFixture engines)
{
    private const int Rows = 120; // one gate, two lanes, 2026-11-25: chains L1 and L2 of 60 (sequences 0 … 59)

    [Fact]
    public async Task Rows_and_heads_gone_past_retention_are_explained_and_an_altered_row_there_is_still_tampering()
    {
        await using var platform = TestPlatform.Create(engines);
        await SealedLedger.MigrateAsync(platform);
        await SealedLedger.WriteInBatchesAsync(SealedLedger.Writer(platform), SealedLedger.Rows(Rows, gates: 1), 25);
        var (_, l1) = await SealedLedger.RowAtAsync(platform, "G01", "L1", 0);
        var (_, l2) = await SealedLedger.RowAtAsync(platform, "G01", "L2", 0);
        var (altered, _) = await SealedLedger.RowAtAsync(platform, "G01", "L1", 30);

        await platform.Client.ExecuteNonQueryAsync("ALTER TABLE passages MODIFY TTL pass_time + INTERVAL 24 MONTH SETTINGS materialize_ttl_after_modify = 0");
        await SealedLedger.MutateAsync(platform, "ALTER TABLE passages DELETE WHERE lane_id = 'L1' AND chain_seq < 10");
        await SealedLedger.MutateAsync(platform, $"ALTER TABLE ledger_chain_heads DELETE WHERE chain_key = '{l2}'");
        await SealedLedger.MutateAsync(platform, $"ALTER TABLE passages UPDATE plate_no = '冀B99999' WHERE passage_id = '{altered}'");

        // 2029-06: the 24 months of 2026-11-25 are long over.
        var late = await new LedgerVerifier(platform.Client, SealedLedger.Options(platform), new FixedClock(new DateTimeOffset(2029, 6, 1, 9, 0, 0, ChinaTime.Offset)))
            .VerifyAsync(null, null, CancellationToken.None);
        Assert.Equal(24, late.RetentionMonths);
        Assert.Equal(new DateOnly(2027, 6, 3), late.RetainedFrom);
        var tampering = Assert.Single(late.Findings);
        Assert.Equal((ChainFindingKind.Altered, altered.ToString()), (tampering.Kind, tampering.RecordId));
        Assert.Equal(Enumerable.Range(0, 10).Select(s => (ChainFindingKind.Removed, l1, (long)s)),
            late.Expired.Where(e => e.Kind == ChainFindingKind.Removed).Select(e => (e.Kind, e.Chain.ToString(), e.Sequence ?? -1)).OrderBy(e => e.Item3));
        Assert.All(late.Expired.Where(e => e.Kind == ChainFindingKind.Inserted), e => Assert.Equal(l2, e.Chain.ToString()));
        Assert.Equal(60, late.Expired.Count(e => e.Kind == ChainFindingKind.Inserted));
        using var text = new StringWriter();
        VerificationReportText.Write(late, text);
        Assert.Contains("保留期限 retention: 24 个月", text.ToString());
        Assert.Contains("按保留期限删除，非篡改 explained by retention, not tampering: 10 条记录已删除 records deleted, 60 条记录的链头已删除", text.ToString());
        Assert.Contains("篡改 altered", text.ToString());

        // The same ledger today: the day is well inside its 24 months, so every one of them is a finding.
        var now = await SealedLedger.Verifier(platform).VerifyAsync(null, null, CancellationToken.None);
        Assert.Empty(now.Expired);
        Assert.Equal(71, now.Findings.Count);

        // Kept for ever (no TTL): nothing is explained by retention, whatever the date.
        await platform.Client.ExecuteNonQueryAsync("ALTER TABLE passages REMOVE TTL");
        var kept = await new LedgerVerifier(platform.Client, SealedLedger.Options(platform), new FixedClock(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .VerifyAsync(null, null, CancellationToken.None);
        Assert.Null(kept.RetentionMonths);
        Assert.Equal(71, kept.Findings.Count);
    }
}
