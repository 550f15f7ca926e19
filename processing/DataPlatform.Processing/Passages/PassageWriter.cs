using DataPlatform.Ledger;

namespace DataPlatform.Processing.Passages;

/// <summary>Appends passages to the <c>passages</c> ledger table, each exactly once.</summary>
public sealed class PassageWriter(IdempotentInserter inserter)
{
    public static readonly LedgerTable<PassageRow> Table = new(
        "passages", "passage_id", "pass_time", PassageRow.Columns, r => r.PassageId, r => r.PassTimeChina, r => r.Values());

    /// <summary>Returns how many rows were new.</summary>
    public Task<int> WriteAsync(IReadOnlyCollection<PassageRow> rows, CancellationToken ct) =>
        inserter.InsertNewAsync(Table, rows, ct);
}
