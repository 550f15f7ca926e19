using System.Collections.Concurrent;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Ledger;
using DataPlatform.Processing.Sealing;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Passages;

/// <summary>
/// Seals passage rows onto their hash chains (<see cref="PassageChain"/>) before they are inserted.
/// <para>
/// A chain's head is read from ClickHouse — the highest sealed row of the chain, one small aggregate pruned to the
/// batch's days. Rows already stored are never sealed again (the inserter's id check runs before sealing), and the
/// head read from ClickHouse already counts them, so a redelivered batch continues the chain exactly where the stored
/// rows end. Same stream, same seals: the order within a chain is the partition order.
/// </para>
/// <para>
/// The ledger writer that owns a chain's lane (its <c>gate.raw</c> partition) reads the head once and then keeps it in
/// memory (<c>owned</c>): nobody else writes the chain while it owns the lane. It forgets the heads when partitions
/// change hands (a lane's partition can leave and come back after another process extended the chain, and a head
/// kept across that gap would fork it), and when an insert fails (it may have been stored before failing). Other
/// callers read the head for every batch.
/// </para>
/// <para>
/// The heads this process sealed are also kept in memory as a floor: if the newest rows of a chain are deleted
/// while the processor runs, the chain continues after the deleted sequence numbers instead of reusing them, and
/// verification names the gap as removed records.
/// </para>
/// </summary>
public sealed class PassageSealer(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    // Bounds the floor's memory: a few lanes × days; dropping it only loses the floor, never correctness.
    private const int MaxRememberedChains = 10_000;

    private readonly ConcurrentDictionary<ChainKey, ChainHead> _sealed = new();
    // Heads of the chains whose lanes this process owns, exact (read once from the ledger, then advanced here).
    private readonly ConcurrentDictionary<ChainKey, ChainHead> _owned = new();

    /// <summary>The current head of each chain the rows belong to; with <paramref name="owned"/>, the heads kept in memory
    /// for chains already read.</summary>
    public async Task<Dictionary<ChainKey, ChainHead>> HeadsAsync(IEnumerable<PassageRow> rows, bool owned, CancellationToken ct)
    {
        var all = rows.Select(PassageChain.For).Distinct().ToList();
        var heads = new Dictionary<ChainKey, ChainHead>();
        var chains = new List<ChainKey>();
        foreach (var key in all)
            if (owned && _owned.TryGetValue(key, out var kept)) heads[key] = kept;
            else { heads[key] = LedgerChain.EmptyHead(key); chains.Add(key); }
        if (chains.Count == 0) return heads;

        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT chain_key, max(chain_seq) AS head_seq, argMax(record_hash, chain_seq) AS head_hash
            FROM `{{options.Value.Database}}`.passages
            WHERE toDate(pass_time) BETWEEN toDate({from:String}) AND toDate({to:String})
              AND chain_key IN {keys:Array(String)} AND record_hash != ''
            GROUP BY chain_key
            """,
            ClickHouseParameters.Of(("keys", chains.Select(PassageChain.Format).ToArray()),
                ("from", ChainHeadTable.Day(chains.Min(c => c.ChinaDate))), ("to", ChainHeadTable.Day(chains.Max(c => c.ChinaDate)))), null, ct);
        while (reader.Read())
            if (ChainHeadTable.HeadOf(reader, PassageChain.Parse) is { } head) heads[head.Chain] = head;
        foreach (var key in chains)
            if (_sealed.TryGetValue(key, out var floor) && floor.Count > heads[key].Count)
                heads[key] = floor;
        return heads;
    }

    /// <summary>Seals <paramref name="fresh"/> in order onto <paramref name="heads"/>, which it advances.</summary>
    public static IReadOnlyList<PassageRow> Seal(IReadOnlyList<PassageRow> fresh, Dictionary<ChainKey, ChainHead> heads)
    {
        var result = new List<PassageRow>(fresh.Count);
        foreach (var row in fresh)
        {
            var record = PassageLedgerRecord.For(row);
            var (sealedRecord, head) = LedgerChain.Append(heads.GetValueOrDefault(record.Chain), record);
            heads[record.Chain] = head;
            result.Add(row with { Seal = sealedRecord.Seal });
        }
        return result;
    }

    /// <summary>Remembers heads once their rows are stored (with <paramref name="owned"/>, as the exact heads of chains
    /// this process owns).</summary>
    public void Remember(IEnumerable<ChainHead> heads, bool owned = false)
    {
        if (_sealed.Count > MaxRememberedChains) _sealed.Clear();
        if (_owned.Count > MaxRememberedChains) _owned.Clear();
        foreach (var head in heads)
        {
            _sealed.AddOrUpdate(head.Chain, head, (_, old) => head.Count >= old.Count ? head : old);
            if (owned) _owned[head.Chain] = head;
        }
    }

    /// <summary>Forgets the owned chains' heads: they are read from the ledger again.</summary>
    public void ForgetOwned() => _owned.Clear();
}
