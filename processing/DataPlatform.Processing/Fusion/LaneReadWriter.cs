using DataPlatform.Ledger;

namespace DataPlatform.Processing.Fusion;

/// <summary>Appends fused reads to <c>lane_reads</c>, each read once (id check, then ReplacingMergeTree).</summary>
public sealed class LaneReadWriter(IdempotentInserter inserter)
{
    public static readonly LedgerTable<LaneReadRow> Table = new(
        "lane_reads", "read_id", "pass_time", LaneReadRow.Columns, r => r.ReadId, r => r.PassTimeUtc, r => r.Values())
    {
        // Keyed like passages: a re-pushed read with another pass time stays one row.
        TimeBoundedIdCheck = false,
    };

    public Task<int> WriteAsync(IReadOnlyCollection<LaneReadRow> rows, CancellationToken ct) =>
        inserter.InsertNewAsync(Table, rows, ct);
}
