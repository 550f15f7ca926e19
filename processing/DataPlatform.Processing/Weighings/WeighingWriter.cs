using DataPlatform.Ledger;

namespace DataPlatform.Processing.Weighings;

/// <summary>Appends weighings to the <c>weighings</c> ledger table, each exactly once (<see cref="IdempotentInserter"/>).</summary>
public sealed class WeighingWriter(IdempotentInserter inserter)
{
    public static readonly LedgerTable<WeighingRow> Table = new(
        "weighings", "weighing_id", "weigh_time", WeighingRow.Columns, r => r.WeighingId, r => r.WeighTime, r => r.Values());

    /// <summary>Returns how many rows were new.</summary>
    public Task<int> WriteAsync(IReadOnlyCollection<WeighingRow> rows, CancellationToken ct) =>
        rows.Count == 0 ? Task.FromResult(0) : inserter.InsertNewAsync(Table, rows, ct);
}
