using DataPlatform.Compliance.Integrity;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Sealing;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Integrity;

/// <summary>Sealing is deterministic and continues each chain correctly across redeliveries, restarts and a
/// lane's partition coming back to a processor after another one extended its chains.</summary>
[Collection(EnginesCollection.Name)]
public sealed class SealingTests(EnginesFixture engines)
{
    [Fact]
    public async Task The_same_stream_yields_the_same_seals_whatever_the_batches_redeliveries_and_restarts()
    {
        var rows = SealedLedger.Rows(400);
        await using var reference = TestPlatform.Create(engines);
        await SealedLedger.MigrateAsync(reference);
        await SealedLedger.WriteInBatchesAsync(SealedLedger.Writer(reference), rows, 100);

        await using var chaotic = TestPlatform.Create(engines);
        await SealedLedger.MigrateAsync(chaotic);
        var first = SealedLedger.Writer(chaotic);
        await SealedLedger.WriteInBatchesAsync(first, rows[..150], 7);
        // "Crash" before the commit of the last batches: a new processor gets them again, and each of its batches
        // is retried once (as after a timeout whose insert had in fact landed), with duplicates inside batches.
        var second = SealedLedger.Writer(chaotic);
        var stored = rows[..150].Select(r => r.PassageId).ToHashSet();
        for (var i = 140; i < 260; i += 13)
        {
            var batch = rows[i..Math.Min(i + 13, 260)].Concat(rows[i..(i + 2)]).ToList();
            var expected = batch.Select(r => r.PassageId).Distinct().Count(stored.Add);
            Assert.Equal(expected, await second.WriteAsync(batch, CancellationToken.None));
            Assert.Equal(0, await second.WriteAsync(batch, CancellationToken.None));
        }
        // The partitions return to the first processor, whose memory still holds its heads from row 150: it must
        // continue from what is stored, not from what it remembers. A re-pushed old event is skipped.
        await SealedLedger.WriteInBatchesAsync(first, [.. rows[250..], rows[3]], 31);

        Assert.Equal(rows.Count, await chaotic.ScalarAsync("SELECT count() FROM passages"));
        Assert.Equal(await SealedLedger.SealsAsync(reference.Client), await SealedLedger.SealsAsync(chaotic.Client));
        foreach (var platform in new[] { reference, chaotic })
        {
            var report = await SealedLedger.Verifier(platform).VerifyAsync(null, null, CancellationToken.None);
            Assert.True(report.IsIntact, SealedLedger.Describe(report.Findings));
            Assert.Equal(rows.Count, report.Records);
            Assert.Equal(4, report.Chains); // 2 gates × 2 lanes, one day
        }
    }

    [Fact]
    public async Task A_stop_that_lands_after_a_batch_is_inserted_still_stores_its_chain_heads()
    {
        await using var platform = TestPlatform.Create(engines);
        await SealedLedger.MigrateAsync(platform);
        var table = new ChainHeadTable(platform.Client, SealedLedger.Options(platform));
        var rows = SealedLedger.Rows(2, gates: 1, lanes: 2);
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        // The rows are stored; the host is stopping: their heads are stored all the same.
        await table.SaveAfterInsertAsync(PassageWriter.Ledger, [new ChainHead(PassageChain.For(rows[0]), 3, "h3")], stopped.Token);
        // A plain upsert (nothing stored before it) stops with the host.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            table.SaveAsync(PassageWriter.Ledger, [new ChainHead(PassageChain.For(rows[1]), 5, "h5")], stopped.Token));

        Assert.Equal(1, await platform.ScalarAsync("SELECT count() FROM ledger_chain_heads"));
        Assert.Equal(2, await platform.ScalarAsync("SELECT max(last_seq) FROM ledger_chain_heads"));
    }
}
