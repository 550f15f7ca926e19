using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Appends passages to the ledger exactly once. First guard: rows whose id is already stored are skipped
/// (one writer owns a partition at a time). Second guard: the table is a ReplacingMergeTree on that id, so a
/// race during a consumer-group rebalance cannot leave two rows after a merge or under FINAL.
/// </summary>
public sealed class PassageWriter(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Table => $"`{options.Value.Database}`.passages";

    public async Task<int> WriteAsync(IReadOnlyCollection<PassageRow> rows, CancellationToken ct)
    {
        var unique = rows.DistinctBy(r => r.PassageId).ToList();
        if (unique.Count == 0) return 0;

        var stored = await ExistingIdsAsync(unique, ct);
        var fresh = unique.Where(r => !stored.Contains(r.PassageId)).ToList();
        if (fresh.Count == 0) return 0;

        await client.InsertBinaryAsync(Table, PassageRow.Columns, fresh.Select(r => r.Values()), null, ct);
        return fresh.Count;
    }

    private async Task<HashSet<Guid>> ExistingIdsAsync(List<PassageRow> rows, CancellationToken ct)
    {
        // The time bounds let ClickHouse prune to the months the batch touches instead of scanning years.
        var found = new HashSet<Guid>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT passage_id FROM {{Table}}
            WHERE pass_time BETWEEN {from:DateTime} AND {to:DateTime} AND passage_id IN {ids:Array(UUID)}
            """,
            ClickHouseParameters.Of(
                ("from", rows.Min(r => r.PassTimeChina)),
                ("to", rows.Max(r => r.PassTimeChina)),
                ("ids", rows.Select(r => r.PassageId).ToArray())),
            null, ct);
        while (reader.Read()) found.Add(reader.GetGuid(0));
        return found;
    }
}
