using DataPlatform.Ledger;

namespace DataPlatform.Processing.Decisions;

/// <summary>Appends decisions to <c>gate_decisions</c>, each passage once.</summary>
public sealed class GateDecisionWriter(IdempotentInserter inserter)
{
    public static readonly LedgerTable<GateDecisionRow> Table = new(
        "gate_decisions", "passage_id", "pass_time", GateDecisionRow.Columns,
        r => r.PassageId, r => r.PassTimeUtc, r => r.Values())
    {
        // Keyed like passages: a re-pushed event with another pass time keeps one decision row.
        TimeBoundedIdCheck = false,
    };

    /// <summary>Returns how many rows were new.</summary>
    public Task<int> WriteAsync(IReadOnlyCollection<GateDecisionRow> rows, CancellationToken ct) =>
        inserter.InsertNewAsync(Table, rows, ct);
}
