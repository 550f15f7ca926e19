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
        return rows.Count == 0 ? Task.CompletedTask : client.InsertBinaryAsync(Name, Columns, rows, null, ct);
    }

    /// <summary>The stored heads of the chains dated <paramref name="from"/> … <paramref name="to"/>.</summary>
    /// <remarks><paramref name="parse"/>: Reads a stored chain key; heads whose key does not parse are skipped (never
    /// written by the platform, so they vouch for nothing).</remarks>
    public async Task<List<ChainHead>> ReadAsync(string ledger, DateOnly from, DateOnly to, Func<string, ChainKey?> parse, CancellationToken ct)
    {
        var heads = new List<ChainHead>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT chain_key, max(last_seq), argMax(last_hash, last_seq) FROM {{Name}}
            WHERE ledger = {ledger:String} AND chain_date BETWEEN '{{Day(from)}}' AND '{{Day(to)}}'
            GROUP BY chain_key
            """,
            ClickHouseParameters.Of(("ledger", ledger)), null, ct);
        while (reader.Read())
        {
            if (parse(reader.GetString(0)) is not { } key) continue;
            heads.Add(new ChainHead(key, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) + 1, reader.GetString(2)));
        }
        return heads;
    }

    /// <summary>A date literal; formatted here from a <see cref="DateOnly"/>, so nothing foreign is spliced in.</summary>
    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
