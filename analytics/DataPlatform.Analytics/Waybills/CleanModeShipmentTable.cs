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
            var row = new ShipmentRow(Guid.Parse(reader.String("shipment_id")), reader.String("enterprise_id"),
                DateOnly.ParseExact(reader.String("ship_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.String("mode"), reader.String("direction"), reader.String("material"),
                decimal.Parse(reader.String("tonnes"), CultureInfo.InvariantCulture), reader.String("reference"),
                Guid.Parse(reader.String("import_id")), reader.String("imported_by"),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.Int64("imported_ms")), reader.String("source_file"),
                reader.String("file_sha256"), (int)reader.Int64("line_no"));
            var hash = reader.String("record_hash");
            var seal = hash.Length == 0 || ShipmentRow.ParseChain(reader.String("chain_key")) is not { } chain
                ? null
                : new ChainSeal(chain, reader.Int64("chain_seq"), reader.String("prev_hash"), hash);
            rows.Add(new SealedRecord(row.Record(), seal));
        }
        return rows;
    }

    /// <summary>The first and last China date of an import; nulls when the table is empty.</summary>
    public async Task<(DateOnly? First, DateOnly? Last)> ExtentAsync(CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $"SELECT count() AS stored, toString(min(toDate(imported_at, 'Asia/Shanghai'))) AS first_day, " +
            $"toString(max(toDate(imported_at, 'Asia/Shanghai'))) AS last_day FROM {Name}",
            null, null, ct);
        reader.Read();
        if (reader.Int64("stored") == 0) return (null, null);
        return (DateOnly.ParseExact(reader.String("first_day"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(reader.String("last_day"), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
