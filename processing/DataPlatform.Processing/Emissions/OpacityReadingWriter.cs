using DataPlatform.Ledger;

namespace DataPlatform.Processing.Emissions;

/// <summary>Appends readings to <c>opacity_readings</c>, each exactly once (<see cref="IdempotentInserter"/>).</summary>
public sealed class OpacityReadingWriter(IdempotentInserter inserter)
{
    public static readonly LedgerTable<OpacityReadingRow> Table = new(
        "opacity_readings", "reading_id", "measured_at", OpacityReadingRow.Columns, r => r.ReadingId, r => r.MeasuredAt, r => r.Values());

    /// <summary>Returns how many rows were new.</summary>
    public Task<int> WriteAsync(IReadOnlyCollection<OpacityReadingRow> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.FromResult(0) : inserter.InsertNewAsync(Table, rows, ct);
}
