using DataPlatform.Compliance.Integrity;
using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Sealing;

namespace DataPlatform.Analytics.Waybills;

/// <summary><c>ledger verify</c> for <c>clean_mode_shipments</c>: rebuilds every stored row as it was sealed and
/// checks the chains (one per enterprise and China date of import) against the stored heads — a row altered,
/// removed or inserted behind the importer's back is named. A month at a time, like the passages' verifier.</summary>
public sealed class CleanModeShipmentVerifier(CleanModeShipmentTable table, ChainHeadTable heads)
{
    public async Task<LedgerVerificationReport> VerifyAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            var (oldest, newest) = await table.ExtentAsync(ct);
            if (oldest is null || newest is null) return new LedgerVerificationReport(WaybillImporter.Ledger, from, to, 0, 0, []);
            from ??= oldest;
            to ??= newest;
        }
        var findings = new List<ChainFinding>();
        var chains = 0;
        var records = 0L;
        for (var month = new DateOnly(from.Value.Year, from.Value.Month, 1); month <= to.Value; month = month.AddMonths(1))
        {
            var start = month < from.Value ? from.Value : month;
            var end = month.AddMonths(1).AddDays(-1) > to.Value ? to.Value : month.AddMonths(1).AddDays(-1);
            var rows = (await table.SealedAsync(start, end, ct)).Distinct().ToList();
            var stored = await heads.ReadAsync(WaybillImporter.Ledger, start, end, ShipmentRow.ParseChain, ct);
            findings.AddRange(LedgerChain.Verify(rows, stored).Findings);
            chains += stored.Select(h => h.Chain).Concat(rows.Where(r => r.Seal is not null).Select(r => r.Seal!.Chain)).Distinct().Count();
            records += rows.Select(r => r.Record.RecordId).Distinct(StringComparer.Ordinal).Count();
        }
        return new LedgerVerificationReport(WaybillImporter.Ledger, from, to, chains, records, findings);
    }
}
