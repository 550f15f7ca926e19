using ClickHouse.Driver;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Ledger.Retention;

/// <summary>
/// Brings every time-bound ledger table's TTL to what <see cref="LedgerRetentionOptions"/> says, after the migrations
/// (which create tables with their historical 30-month TTL). Idempotent: a table already as configured is left alone,
/// so it runs on every start. A changed TTL is not materialised at once (no rewrite of years of parts on start-up);
/// ClickHouse applies it at the next merges, and a removed TTL stops deletions immediately.
/// </summary>
public sealed class LedgerRetention(ILogger<LedgerRetention> logger)
{
    public async Task ApplyAsync(ClickHouseClient client, string database, LedgerRetentionOptions options, CancellationToken ct)
    {
        // One start-up line for every table whose TTL was removed (a fresh ledger has ~20), one line per changed TTL.
        var keptForEver = new List<string>();
        foreach (var (family, tables) in RetentionFamilies.All)
        {
            options.Families.TryGetValue(family, out var retention);
            foreach (var table in tables)
            {
                var current = await CurrentTtlAsync(client, database, table.Name, ct);
                if (current is null && !await ExistsAsync(client, database, table.Name, ct)) continue;
                var wanted = RetentionFamilies.TtlClause(table, retention);
                var name = $"`{database}`.`{table.Name}`";
                if (wanted is null && current is not null)
                {
                    await client.ExecuteNonQueryAsync($"ALTER TABLE {name} REMOVE TTL", null, null, ct);
                    keptForEver.Add(table.Name);
                }
                else if (wanted is not null && !SameTtl(current, wanted))
                {
                    await client.ExecuteNonQueryAsync($"ALTER TABLE {name} MODIFY TTL {wanted} SETTINGS materialize_ttl_after_modify = 0", null, null, ct);
                    logger.LogInformation("台账保存期限 (retention): {Table} TTL {Ttl}", table.Name, wanted);
                }
            }
        }
        if (keptForEver.Count > 0)
            logger.LogInformation("台账永久保存 (retention: kept for ever, TTL removed): {Tables}", string.Join(", ", keptForEver));
    }

    /// <summary>The months after which <paramref name="table"/> deletes a row, read from the table itself (what is
    /// in force, whatever the configuration says now); null when it deletes nothing (no TTL, or old parts only move
    /// to another volume or disk).</summary>
    public static async Task<int?> DeletionMonthsAsync(ClickHouseClient client, string database, string table, CancellationToken ct)
    {
        if (await CurrentTtlAsync(client, database, table, ct) is not { } ttl
            || System.Text.RegularExpressions.Regex.IsMatch(ttl, @"\bTO\s+(VOLUME|DISK)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            return null;
        var months = System.Text.RegularExpressions.Regex.Match(Normalize(ttl), @"toIntervalMonth\((\d+)\)");
        return months.Success ? int.Parse(months.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // ClickHouse stores `INTERVAL 36 MONTH` as `toIntervalMonth(36)`; compare on the months and the target only.
    private static bool SameTtl(string? current, string wanted) =>
        current is not null && Normalize(current) == Normalize(wanted);

    private static string Normalize(string ttl) =>
        System.Text.RegularExpressions.Regex.Replace(ttl, @"INTERVAL\s+(\d+)\s+MONTH", "toIntervalMonth($1)").Replace(" ", "", StringComparison.Ordinal);

    private static async Task<string?> CurrentTtlAsync(ClickHouseClient client, string database, string table, CancellationToken ct)
    {
        var query = await client.ExecuteScalarAsync(
            "SELECT create_table_query FROM system.tables WHERE database = {db:String} AND name = {t:String}",
            ClickHouseParameters.Of(("db", database), ("t", table)), null, ct) as string;
        if (string.IsNullOrEmpty(query)) return null;
        var match = System.Text.RegularExpressions.Regex.Match(query, @"\bTTL\s+(.+?)(?:\s+SETTINGS\s|$)");
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static async Task<bool> ExistsAsync(ClickHouseClient client, string database, string table, CancellationToken ct) =>
        Convert.ToInt64(await client.ExecuteScalarAsync(
            "SELECT count() FROM system.tables WHERE database = {db:String} AND name = {t:String}",
            ClickHouseParameters.Of(("db", database), ("t", table)), null, ct)) > 0;
}
