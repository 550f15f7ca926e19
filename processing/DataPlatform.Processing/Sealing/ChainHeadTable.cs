using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver;
using DataPlatform.Compliance.Integrity;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.Sealing;

/// <summary>
/// The <c>ledger_chain_heads</c> table: the last link of every chain, stored apart from the ledger rows. It is a
/// ReplacingMergeTree versioned by the last sequence number, so upserts may land in any order and be repeated;
/// readers take the highest version per chain (<c>argMax</c>), which is also right before a merge.
/// </summary>
public sealed class ChainHeadTable(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private static readonly string[] Columns = ["ledger", "chain_key", "last_seq", "last_hash"];

    private string Name => $"`{options.Value.Database}`.ledger_chain_heads";

    /// <summary>Upserts <paramref name="heads"/> (empty chains are skipped: a chain's head row appears with its
    /// first record).</summary>
    public Task SaveAsync(string ledger, IEnumerable<ChainHead> heads, CancellationToken ct)
    {
        var rows = heads.Where(h => h.Count > 0)
            .Select(h => new object?[] { ledger, h.Chain.ToString(), (ulong)(h.Count - 1), h.Hash })
            .ToList();
        return rows.Count == 0 ? Task.CompletedTask : client.InsertRowsAsync(Name, Columns, rows, ct);
    }

    /// <summary>How long a stop waits for the heads of a batch whose rows are already stored.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>Upserts the heads of a batch whose rows were just inserted. A stop does not cancel it (it is given
    /// <see cref="StopGrace"/>): a graceful stop between the insert and this upsert would leave the stored heads one
    /// batch behind their chains until the batch is redelivered, and the verifier would report the gap meanwhile.</summary>
    public async Task SaveAfterInsertAsync(string ledger, IEnumerable<ChainHead> heads, CancellationToken stopping)
    {
        using var grace = new CancellationTokenSource();
        await using var _ = stopping.Register(() => grace.CancelAfter(StopGrace));
        await SaveAsync(ledger, heads, grace.Token);
    }

    /// <summary>The stored heads of the chains dated <paramref name="from"/> … <paramref name="to"/>.</summary>
    /// <remarks><paramref name="parse"/>: Reads a stored chain key; heads whose key does not parse are skipped (never
    /// written by the platform, so they vouch for nothing).</remarks>
    public async Task<List<ChainHead>> ReadAsync(string ledger, DateOnly from, DateOnly to, Func<string, ChainKey?> parse, CancellationToken ct)
    {
        var heads = new List<ChainHead>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT chain_key, max(last_seq) AS head_seq, argMax(last_hash, last_seq) AS head_hash FROM {{Name}}
            WHERE ledger = {ledger:String} AND chain_date BETWEEN toDate({from:String}) AND toDate({to:String})
            GROUP BY chain_key
            """,
            ClickHouseParameters.Of(("ledger", ledger), ("from", Day(from)), ("to", Day(to))), null, ct);
        while (reader.Read())
            if (HeadOf(reader, parse) is { } head) heads.Add(head);
        return heads;
    }

    /// <summary>A chain's head from a row of <c>chain_key</c>, <c>head_seq</c> (the last sequence number) and
    /// <c>head_hash</c> (its hash), whichever table it was aggregated from; null when <paramref name="parse"/> rejects
    /// the key (a chain the platform never wrote vouches for nothing).</summary>
    public static ChainHead? HeadOf(DbDataReader reader, Func<string, ChainKey?> parse) =>
        parse(reader.String("chain_key")) is { } key ? new ChainHead(key, reader.Int64("head_seq") + 1, reader.String("head_hash")) : null;

    /// <summary>A day as a <c>yyyy-MM-dd</c> query parameter value (<c>toDate({from:String})</c>).</summary>
    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
