using System.Security.Cryptography;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Gate;
using DataPlatform.Ledger;
using DataPlatform.Processing.Integrity;
using DataPlatform.Processing.Sealing;
using DataPlatform.Rating.Waybills;

namespace DataPlatform.Analytics.Waybills;

/// <summary>Imports a waybill / belt-scale file into <c>clean_mode_shipments</c>: the whole file is checked first
/// and refused with every bad row listed if any row is bad (nothing half-imported); the good file's rows get ids
/// from their content, rows already stored are skipped (re-importing adds nothing), the new ones are sealed onto
/// the enterprise's chain of the import day and written in one insert, then the chain head is stored.</summary>
/// <remarks>Imports are serialized in this process so one chain has one writer. Run imports through one analytics
/// instance (or the CLI while it is stopped): two processes importing for the same enterprise on the same day could
/// fork that day's chain, which <c>ledger verify</c> would then report.</remarks>
public sealed class WaybillImporter(CleanModeShipmentTable shipments, ChainHeadTable heads, TimeProvider clock)
{
    public const string Ledger = "clean_mode_shipments";

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <remarks>
    /// <para><paramref name="enterpriseId"/>: The plant the file belongs to.</para>
    /// <para><paramref name="importedBy"/>: Who imports (operator name or CLI user), kept with every row.</para>
    /// </remarks>
    public async Task<WaybillImportResult> ImportAsync(
        string enterpriseId, string fileName, byte[] content, string importedBy, CancellationToken ct)
    {
        var importId = Guid.NewGuid().ToString("D");
        if (string.IsNullOrWhiteSpace(enterpriseId) || enterpriseId.Contains('/'))
            return Refused(importId, enterpriseId, fileName, [new WaybillRowError(0, $"企业编号无效 enterprise '{enterpriseId}' is empty or contains '/' (--enterprise)")]);
        WaybillParseResult parsed;
        try
        {
            parsed = WaybillRows.Check(WaybillFile.Read(fileName, content));
        }
        catch (FormatException ex)
        {
            return Refused(importId, enterpriseId, fileName, [new WaybillRowError(0, ex.Message)]);
        }
        if (!parsed.IsValid) return Refused(importId, enterpriseId, fileName, parsed.Errors);

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var who = string.IsNullOrWhiteSpace(importedBy) ? "unknown" : importedBy.Trim();
        var rows = parsed.Rows.Select(r => new ShipmentRow(
            DeterministicGuid.For("clean-mode-shipment\u001f" + WaybillRows.Canonical(enterpriseId, r)), enterpriseId, r.Date, r.Mode,
            r.Direction, r.Material, r.Tonnes, r.Reference, Guid.Parse(importId), who, now, Path.GetFileName(fileName), sha, r.Line)).ToList();

        await _one.WaitAsync(ct);
        try
        {
            var chain = new ChainKey(enterpriseId, ShipmentRow.ChainGate, DateOnly.FromDateTime(ChinaTime.From(now).DateTime));
            var stored = await heads.ReadAsync(Ledger, chain.ChinaDate, chain.ChinaDate, ShipmentRow.ParseChain, ct);
            var head = stored.FirstOrDefault(h => h.Chain == chain);
            var added = await shipments.AppendAsync(rows, fresh =>
            {
                var sealedRows = new List<ShipmentRow>(fresh.Count);
                foreach (var row in fresh)
                {
                    (var sealedRecord, head) = LedgerChain.Append(head, row.Record());
                    sealedRows.Add(row with { Seal = sealedRecord.Seal });
                }
                return sealedRows;
            }, ct);
            if (added > 0) await heads.SaveAsync(Ledger, [head!], ct);
            return new WaybillImportResult(importId, enterpriseId, fileName, rows.Count, added, rows.Count - added, rows.Sum(r => r.Tonnes), []);
        }
        finally
        {
            _one.Release();
        }
    }

    private static WaybillImportResult Refused(string importId, string enterpriseId, string fileName, IReadOnlyList<WaybillRowError> errors) =>
        new(importId, enterpriseId, fileName, 0, 0, 0, 0m, errors);
}
