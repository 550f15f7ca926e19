using System.Globalization;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Passages;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Integrity;

/// <summary>Each way of changing the passages ledger behind the platform's back is named by verification.
/// The ledger: 120 passages on one gate's two lanes, one day, so two chains of 60 (sequences 0 … 59).</summary>
[Collection(EnginesCollection.Name)]
public sealed class TamperDetectionTests(EnginesFixture engines)
{
    private const int Rows = 120;

    [Fact]
    public async Task A_deleted_row_is_named_as_removed_by_its_sequence()
    {
        await using var platform = await SealedAsync();
        var (id, chain) = await SealedLedger.RowAtAsync(platform, "G01", "L1", 10);
        await SealedLedger.MutateAsync(platform, $"ALTER TABLE passages DELETE WHERE passage_id = '{id}'");

        var finding = Assert.Single(await FindingsAsync(platform));
        Assert.Equal((ChainFindingKind.Removed, chain, 10L), (finding.Kind, finding.Chain.ToString(), finding.Sequence ?? -1));
    }

    [Fact]
    public async Task Deleting_the_newest_rows_of_a_chain_is_detected_through_the_stored_head()
    {
        await using var platform = await SealedAsync();
        var (_, chain) = await SealedLedger.RowAtAsync(platform, "G01", "L2", 59);
        await SealedLedger.MutateAsync(platform, "ALTER TABLE passages DELETE WHERE lane_id = 'L2' AND chain_seq >= 58");

        var findings = await FindingsAsync(platform);
        Assert.Equal(
            new[] { (ChainFindingKind.Removed, chain, 58L), (ChainFindingKind.Removed, chain, 59L) },
            findings.Select(f => (f.Kind, f.Chain.ToString(), f.Sequence ?? -1)));
    }

    [Fact]
    public async Task A_row_inserted_without_the_platform_is_named_as_inserted()
    {
        await using var platform = await SealedAsync();
        var forged = Guid.NewGuid();
        await platform.Client.ExecuteNonQueryAsync(
            "INSERT INTO passages (passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, vehicle_type) " +
            $"VALUES ('{forged}', 'forged-1', 'E1302001', 'G01', 'L1', 1, '2026-11-25 08:05:00', '冀B54321', 'yellow', 'H11')");

        var finding = Assert.Single(await FindingsAsync(platform));
        Assert.Equal((ChainFindingKind.Inserted, forged.ToString()), (finding.Kind, finding.RecordId));
    }

    [Fact]
    public async Task A_forged_row_carrying_a_copied_seal_is_named_and_the_genuine_row_is_not()
    {
        await using var platform = await SealedAsync();
        var (genuine, _) = await SealedLedger.RowAtAsync(platform, "G01", "L1", 5);
        var forged = Guid.NewGuid();
        // A copy of the genuine row under a new id with another plate, carrying the genuine row's chain fields.
        await platform.Client.ExecuteNonQueryAsync(
            "INSERT INTO passages (passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, " +
            "plate_color, vehicle_type, chain_key, chain_seq, prev_hash, record_hash) " +
            $"SELECT toUUID('{forged}'), 'forged-2', enterprise_id, gate_id, lane_id, direction, pass_time, '冀B54321', " +
            $"plate_color, vehicle_type, chain_key, chain_seq, prev_hash, record_hash FROM passages WHERE passage_id = '{genuine}' " +
            "SETTINGS insert_deduplicate = 0");
        Assert.Equal(Rows + 1, await platform.ScalarAsync("SELECT count() FROM passages"));

        var finding = Assert.Single(await FindingsAsync(platform));
        Assert.Equal((ChainFindingKind.Inserted, forged.ToString(), 5L), (finding.Kind, finding.RecordId, finding.Sequence ?? -1));
    }

    [Fact]
    public async Task Rewriting_the_newest_row_and_resealing_it_consistently_is_caught_by_the_stored_head()
    {
        await using var platform = await SealedAsync();
        var (id, chain) = await SealedLedger.RowAtAsync(platform, "G01", "L1", 59);
        var prevHash = Convert.ToString(await platform.Client.ExecuteScalarAsync(
            $"SELECT prev_hash FROM passages WHERE passage_id = '{id}'"), CultureInfo.InvariantCulture)!;
        // What a forger who knows the algorithm would do: change the plate and recompute the row's own link.
        var row = SealedLedger.Rows(Rows, gates: 1).Single(r => r.PassageId == id) with { PlateNo = "冀B54321" };
        var key = PassageChain.Parse(chain)!.Value;
        var (resealed, _) = LedgerChain.Append(new ChainHead(key, 59, prevHash), PassageLedgerRecord.For(row));
        await SealedLedger.MutateAsync(platform,
            $"ALTER TABLE passages UPDATE plate_no = '冀B54321', record_hash = '{resealed.Seal!.Hash}' WHERE passage_id = '{id}'");

        var finding = Assert.Single(await FindingsAsync(platform));
        Assert.Equal((ChainFindingKind.Altered, id.ToString(), 59L), (finding.Kind, finding.RecordId, finding.Sequence ?? -1));
    }

    private async Task<TestPlatform> SealedAsync()
    {
        var platform = TestPlatform.Create(engines);
        await SealedLedger.MigrateAsync(platform);
        await SealedLedger.WriteInBatchesAsync(SealedLedger.Writer(platform), SealedLedger.Rows(Rows, gates: 1), 25);
        var intact = await SealedLedger.Verifier(platform).VerifyAsync(null, null, CancellationToken.None);
        Assert.True(intact.IsIntact && intact.Records == Rows && intact.Chains == 2, SealedLedger.Describe(intact.Findings));
        return platform;
    }

    private static async Task<IReadOnlyList<ChainFinding>> FindingsAsync(TestPlatform platform)
    {
        LedgerVerificationReport report = await SealedLedger.Verifier(platform).VerifyAsync(null, null, CancellationToken.None);
        Assert.False(report.IsIntact, "the change went unnoticed");
        return report.Findings;
    }
}
