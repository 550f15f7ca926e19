using ClickHouse.Driver;
using DataPlatform.Ledger.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Ledger;

/// <summary>Brings the ledger schema to the newest version. Idempotent: every step is recorded once applied,
/// and every statement is written to be re-runnable should a crash come between a step and its record.</summary>
public sealed class LedgerMigrator(IOptions<ClickHouseOptions> options, IOptions<LedgerRetentionOptions> retentionOptions,
    LedgerRetention retention, ILogger<LedgerMigrator> logger)
{
    /// <summary>A migrator with the default retention (keep every row), for tools and tests outside a host.</summary>
    public static LedgerMigrator WithDefaultRetention(IOptions<ClickHouseOptions> options) => new(
        options, Options.Create(new LedgerRetentionOptions()),
        new LedgerRetention(Microsoft.Extensions.Logging.Abstractions.NullLogger<LedgerRetention>.Instance),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<LedgerMigrator>.Instance);

    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken ct)
    {
        var o = options.Value;
        using var client = new ClickHouseClient(o.ConnectionString(withDatabase: false));
        var db = $"`{o.Database}`";
        await client.ExecuteNonQueryAsync($"CREATE DATABASE IF NOT EXISTS {db}", null, null, ct);
        await client.ExecuteNonQueryAsync(
            $"""
            CREATE TABLE IF NOT EXISTS {db}.schema_migrations
            (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = ReplacingMergeTree ORDER BY version
            """, null, null, ct);

        var applied = new HashSet<int>();
        using (var reader = await client.ExecuteReaderAsync($"SELECT version FROM {db}.schema_migrations", null, null, ct))
            while (reader.Read()) applied.Add(reader.Int32("version"));

        var done = new List<Migration>();
        foreach (var migration in Migration.Embedded.Where(m => !applied.Contains(m.Version)))
        {
            foreach (var statement in migration.Statements(o.Database))
                await client.ExecuteNonQueryAsync(statement, null, null, ct);
            var parameters = ClickHouseParameters.Of(("v", migration.Version), ("n", migration.Name));
            await client.ExecuteNonQueryAsync(
                $"INSERT INTO {db}.schema_migrations (version, name) VALUES ({{v:UInt32}}, {{n:String}})", parameters, null, ct);
            logger.LogDebug("台账迁移 {Version} {Name} 已应用 (ledger migration applied)", migration.Version, migration.Name);
            done.Add(migration);
        }
        // One line at start-up instead of one per migration (a first start applied ~100 and drowned the rest).
        var latest = Migration.Embedded.Count > 0 ? Migration.Embedded.Max(m => m.Version) : 0;
        if (done.Count > 0)
            logger.LogInformation("台账结构已更新到版本 {Latest}: 本次应用 {Count} 个迁移 {First}–{Last} (ledger schema migrated)",
                latest, done.Count, done[0].Version, done[^1].Version);
        else
            logger.LogDebug("台账结构已是最新, 版本 {Latest} (ledger schema up to date)", latest);
        // Retention is configuration, not history: brought to the settings on every start (default: keep).
        await retention.ApplyAsync(client, o.Database, retentionOptions.Value, ct);
        return done;
    }
}
