using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Reviews;
using DataPlatform.Processing.Sealing;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Integrity;

/// <summary>
/// <c>ledger verify</c> for the review ledger: rebuilds every review action as the writer sealed it
/// (<see cref="ReviewActionLedgerRecord"/>) and checks the chains against the heads stored apart, so a correction
/// edited, removed or slipped in afterwards is named like a tampered passage. Also checks that each action still
/// points at the sealed passage it reviewed (its <c>passage_record_hash</c>).
/// </summary>
public sealed class ReviewLedgerVerifier(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider? time = null)
{
    private readonly ChainHeadTable _heads = new(client, options);

    private string Db => $"`{options.Value.Database}`";

    public async Task<LedgerVerificationReport> VerifyAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var first = from ?? new DateOnly(2000, 1, 1);
        var last = to ?? new DateOnly(2999, 12, 31);
        var rows = new List<ReviewActionRow>();
        using (var reader = await client.ExecuteReaderAsync(
                   $$"""
                   SELECT {{ReviewActionStore.SelectColumns}} FROM {{Db}}.review_actions
                   WHERE toDate(applied_at) BETWEEN toDate({from:String}) AND toDate({to:String})
                   """, ClickHouseParameters.Of(("from", ChainHeadTable.Day(first)), ("to", ChainHeadTable.Day(last))), null, ct))
            while (reader.Read()) rows.Add(ReviewActionStore.Row(reader));
        var records = rows.Select(r => new SealedRecord(ReviewActionLedgerRecord.For(r), r.Seal)).Distinct().ToList();
        var heads = await _heads.ReadAsync(ReviewActionStore.Ledger, first, last, PassageChain.Parse, ct);
        var findings = LedgerChain.Verify(records, heads).Findings.ToList();
        findings.AddRange(await DanglingAsync(rows, ct));
        var chains = heads.Select(h => h.Chain).Concat(records.Where(r => r.Seal is not null).Select(r => r.Seal!.Chain)).Distinct().Count();
        return await RetentionInForce.ExplainAsync(new LedgerVerificationReport(ReviewActionStore.Ledger, from, to, chains,
            records.Select(r => r.Record.RecordId).Distinct(StringComparer.Ordinal).Count(), findings), client, options.Value.Database, "review_actions", time, ct);
    }

    // An action whose passage hash no longer matches a sealed passage reviewed something that is not in the ledger.
    private async Task<List<ChainFinding>> DanglingAsync(List<ReviewActionRow> rows, CancellationToken ct)
    {
        var findings = new List<ChainFinding>();
        if (rows.Count == 0) return findings;
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
                   $"SELECT record_hash FROM {Db}.passages WHERE passage_id IN {{ids:Array(UUID)}}",
                   ClickHouseParameters.Of(("ids", rows.Select(r => r.PassageId).Distinct().ToArray())), null, ct))
            while (reader.Read()) hashes.Add(reader.String("record_hash"));
        foreach (var row in rows.Where(r => !hashes.Contains(r.PassageRecordHash)).DistinctBy(r => r.ActionId))
            findings.Add(new ChainFinding(ChainFindingKind.Altered, row.Seal?.Chain ?? default, row.ActionId.ToString("D"),
                row.Seal?.Sequence,
                string.Create(CultureInfo.InvariantCulture, $"审核记录指向的通行记录 {row.PassageId} 已不存在或已被改动")));
        return findings;
    }
}
