using ClickHouse.Driver;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ledger;

/// <summary>
/// Appends rows to a ledger table exactly once. First guard: rows whose id is already stored are skipped
/// (one consumer owns a partition at a time). Second guard: every ledger table is a ReplacingMergeTree on that
/// id, so a race during a consumer-group rebalance cannot leave two rows after a merge or under FINAL.
/// </summary>
public sealed class IdempotentInserter(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    /// <summary>Inserts the rows not yet stored; returns how many were new.</summary>
    public Task<int> InsertNewAsync<TRow>(LedgerTable<TRow> table, IReadOnlyCollection<TRow> rows, CancellationToken ct) =>
        InsertNewAsync(table, rows, static fresh => fresh, ct);

    /// <summary>Inserts the rows not yet stored, each as <paramref name="prepare"/> completes it; returns how many
    /// were new.</summary>
    /// <remarks><paramref name="prepare"/>: Gets the new rows in their original order (first occurrence of each id) and
    /// returns them completed, e.g. sealed onto a hash chain. It runs after the stored-id check, so a row already
    /// stored is never prepared again, and what it returns is written in the same insert.</remarks>
    public async Task<int> InsertNewAsync<TRow>(LedgerTable<TRow> table, IReadOnlyCollection<TRow> rows,
        Func<IReadOnlyList<TRow>, IReadOnlyList<TRow>> prepare, CancellationToken ct)
    {
        var unique = rows.DistinctBy(table.Id).ToList();
        if (unique.Count == 0) return 0;

        var stored = await StoredIdsAsync(table, unique, ct);
        var fresh = unique.Where(r => !stored.Contains(table.Id(r))).ToList();
        if (fresh.Count == 0) return 0;

        var prepared = prepare(fresh);
        await client.InsertRowsAsync(QualifiedName(table), table.Columns, prepared.Select(table.Values), ct);
        return prepared.Count;
    }

    private string QualifiedName<TRow>(LedgerTable<TRow> table) => $"`{options.Value.Database}`.`{table.Name}`";

    private async Task<HashSet<Guid>> StoredIdsAsync<TRow>(LedgerTable<TRow> table, List<TRow> rows, CancellationToken ct)
    {
        // The time bounds let ClickHouse prune to the months the batch touches instead of scanning years.
        var found = new HashSet<Guid>();
        var timeBound = table.TimeBoundedIdCheck
            ? $"{table.TimeColumn} BETWEEN {{from:DateTime64(3)}} AND {{to:DateTime64(3)}} AND "
            : "";
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT {{table.IdColumn}} FROM {{QualifiedName(table)}}
            WHERE {{timeBound}}{{table.IdColumn}} IN {ids:Array(UUID)}
            """,
            ClickHouseParameters.Of(
                // Time columns may store whole seconds while rows carry milliseconds: widen down to the second so
                // a stored copy is never just outside the bound.
                ("from", WholeSecond(rows.Min(table.Time))),
                ("to", rows.Max(table.Time)),
                ("ids", rows.Select(table.Id).ToArray())),
            null, ct);
        while (reader.Read()) found.Add(reader.Uuid(table.IdColumn));
        return found;
    }

    private static DateTime WholeSecond(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Kind);
}
