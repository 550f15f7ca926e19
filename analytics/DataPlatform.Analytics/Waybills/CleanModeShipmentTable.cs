using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Analytics.Rating;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Analytics.Waybills;

/// <summary>The <c>clean_mode_shipments</c> table (migration 0040): its columns, its append (stored ids skipped,
/// new rows sealed in the same insert) and its reads.</summary>
public sealed class CleanModeShipmentTable(ClickHouseClient client, IOptions<ClickHouseOptions> options, IdempotentInserter inserter)
{
    private static readonly string[] Columns =
    [
        "shipment_id", "enterprise_id", "ship_date", "mode", "direction", "material", "tonnes", "reference", "import_id",
        "imported_by", "imported_at", "source_file", "file_sha256", "line_no", "chain_key", "chain_seq", "prev_hash", "record_hash",
    ];

    public static readonly LedgerTable<ShipmentRow> Table = new(
        RatingTables.CleanModeShipments, "shipment_id", "ship_date", Columns,
        r => r.ShipmentId,
        r => r.ShipDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        r => [
            r.ShipmentId, r.EnterpriseId, r.ShipDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), r.Mode, r.Direction, r.Material,
            r.Tonnes, r.Reference, r.ImportId, r.ImportedBy, r.ImportedAt.UtcDateTime, r.SourceFile, r.FileSha256, (uint)r.LineNo,
            r.Seal?.Chain.ToString() ?? "", (ulong)(r.Seal?.Sequence ?? 0), r.Seal?.PrevHash ?? "", r.Seal?.Hash ?? "",
        ]);

    private string Name => $"`{options.Value.Database}`.{RatingTables.CleanModeShipments}";

    /// <summary>Appends the rows not stored yet, each sealed by <paramref name="seal"/> (called with the new rows only).</summary>
    public Task<int> AppendAsync(IReadOnlyCollection<ShipmentRow> rows, Func<IReadOnlyList<ShipmentRow>, IReadOnlyList<ShipmentRow>> seal, CancellationToken ct) =>
        inserter.InsertNewAsync(Table, rows, seal, ct);

    /// <summary>Every stored row (no FINAL: a forged copy must not hide the genuine one) whose import falls on the
    /// China dates <paramref name="from"/> … <paramref name="to"/>, as sealed records for verification.</summary>
    public async Task<List<SealedRecord>> SealedAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = new List<SealedRecord>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT toString(shipment_id) AS shipment_id, enterprise_id, toString(ship_date) AS ship_date, mode, direction, material,
                   toString(tonnes) AS tonnes, reference, toString(import_id) AS import_id, imported_by,
                   toUnixTimestamp64Milli(imported_at) AS imported_ms, source_file, file_sha256, line_no,
                   chain_key, chain_seq, prev_hash, record_hash
            FROM {{Name}}
            WHERE toDate(imported_at, 'Asia/Shanghai') BETWEEN toDate({from:String}) AND toDate({to:String})
            """,
            ClickHouseParameters.Of(("from", RatingFigures.Day(from)), ("to", RatingFigures.Day(to))), null, ct);
        while (reader.Read())
        {
            string S(string c) => reader.GetString(reader.GetOrdinal(c));
            long L(string c) => Convert.ToInt64(reader.GetValue(reader.GetOrdinal(c)), CultureInfo.InvariantCulture);
            var row = new ShipmentRow(Guid.Parse(S("shipment_id")), S("enterprise_id"),
                DateOnly.ParseExact(S("ship_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture), S("mode"), S("direction"), S("material"),
                decimal.Parse(S("tonnes"), CultureInfo.InvariantCulture), S("reference"), Guid.Parse(S("import_id")), S("imported_by"),
                DateTimeOffset.FromUnixTimeMilliseconds(L("imported_ms")), S("source_file"), S("file_sha256"), (int)L("line_no"));
            var hash = S("record_hash");
            var seal = hash.Length == 0 || ShipmentRow.ParseChain(S("chain_key")) is not { } chain
                ? null
                : new ChainSeal(chain, L("chain_seq"), S("prev_hash"), hash);
            rows.Add(new SealedRecord(row.Record(), seal));
        }
        return rows;
    }

    /// <summary>The first and last China date of an import; nulls when the table is empty.</summary>
    public async Task<(DateOnly? First, DateOnly? Last)> ExtentAsync(CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT count(), toString(min(toDate(imported_at, 'Asia/Shanghai'))), toString(max(toDate(imported_at, 'Asia/Shanghai'))) FROM {Name}",
            null, null, ct);
        reader.Read();
        if (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) == 0) return (null, null);
        return (DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
