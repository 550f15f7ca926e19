using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Ledger;
using DataPlatform.Processing.Passages;
using DataPlatform.Processing.Sealing;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Integrity;

/// <summary>
/// <c>dataplatform ledger verify</c>: reads the passages of a range of China dates and the separately stored
/// chain heads, rebuilds every record exactly as the writer sealed it (<see cref="PassageLedgerRecord"/>) and
/// runs <see cref="LedgerChain.Verify"/>. Works a calendar month at a time so memory stays bounded by one month.
/// </summary>
/// <remarks>Rows are read without FINAL: a forged copy of a row under the same id must not replace the genuine
/// one before the check; exact duplicates left by a redelivery race are collapsed by the verification itself.</remarks>
public sealed class LedgerVerifier(ClickHouseClient client, IOptions<ClickHouseOptions> options, TimeProvider? time = null)
{
    private readonly ChainHeadTable _heads = new(client, options);

    private string Passages => $"`{options.Value.Database}`.passages";

    public async Task<LedgerVerificationReport> VerifyAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            var (oldest, newest) = await ExtentAsync(ct);
            if (oldest is null || newest is null) return new LedgerVerificationReport(PassageWriter.Ledger, from, to, 0, 0, []);
            from ??= oldest;
            to ??= newest;
        }
        DateOnly first = from.Value, last = to.Value;
        var findings = new List<ChainFinding>();
        var chains = 0;
        var records = 0L;
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var start = month < first ? first : month;
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var end = monthEnd > last ? last : monthEnd;
            var rows = (await ReadRowsAsync(start, end, ct)).Distinct().ToList();
            var heads = await _heads.ReadAsync(PassageWriter.Ledger, start, end, PassageChain.Parse, ct);
            findings.AddRange(LedgerChain.Verify(rows, heads).Findings);
            chains += heads.Select(h => h.Chain).Concat(rows.Where(r => r.Seal is not null).Select(r => r.Seal!.Chain)).Distinct().Count();
            records += rows.Select(r => r.Record.RecordId).Distinct(StringComparer.Ordinal).Count();
        }
        // Rows and heads on days retention reached may be gone by design: those findings are explained, not hidden.
        return await RetentionInForce.ExplainAsync(new LedgerVerificationReport(PassageWriter.Ledger, from, to, chains, records, findings),
            client, options.Value.Database, "passages", time, ct);
    }

    /// <summary>The first and last China date holding a passage or a chain head; nulls when there is none.</summary>
    private async Task<(DateOnly? First, DateOnly? Last)> ExtentAsync(CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT count() AS dated_rows, toString(min(d)) AS first_day, toString(max(d)) AS last_day FROM (
                SELECT toDate(pass_time) AS d FROM {{Passages}}
                UNION ALL SELECT chain_date AS d FROM `{{options.Value.Database}}`.ledger_chain_heads WHERE ledger = {ledger:String})
            """, ClickHouseParameters.Of(("ledger", PassageWriter.Ledger)), null, ct);
        reader.Read();
        if (reader.Int64("dated_rows") == 0) return (null, null);
        return (DateOnly.ParseExact(reader.String("first_day"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(reader.String("last_day"), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Rows whose pass time falls in the range. A sealed row whose pass time was moved into another
    /// month shows up there under a chain with no stored head (named as inserted), and as a removed sequence
    /// number in its own chain.</summary>
    private async Task<List<SealedRecord>> ReadRowsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = new List<SealedRecord>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT {{PassageReader.SelectColumns}}
            FROM {{Passages}}
            WHERE toDate(pass_time) BETWEEN toDate({from:String}) AND toDate({to:String})
            """, ClickHouseParameters.Of(("from", ChainHeadTable.Day(from)), ("to", ChainHeadTable.Day(to))), null, ct);
        while (reader.Read())
        {
            var row = PassageReader.Row(reader);
            rows.Add(new SealedRecord(PassageLedgerRecord.For(row), row.Seal));
        }
        return rows;
    }
}
