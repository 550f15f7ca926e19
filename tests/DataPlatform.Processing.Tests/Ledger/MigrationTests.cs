using DataPlatform.Ledger;

namespace DataPlatform.Processing.Tests.Ledger;

public sealed class MigrationTests
{
    [Fact]
    public void Migrations_are_numbered_in_order_and_bind_the_database()
    {
        var migrations = Migration.Embedded;
        Assert.True(migrations.Count >= 2);
        // Ascending and unique from 1; gaps are fine (version ranges are assigned per branch of work).
        var versions = migrations.Select(m => m.Version).ToList();
        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Distinct().Order(), versions);
        foreach (var statement in migrations.SelectMany(m => m.Statements("db_x")))
        {
            Assert.DoesNotContain("{db}", statement);
            Assert.Contains("`db_x`.", statement);
        }
    }

    [Fact]
    public void Ledger_tables_keep_at_least_24_months()
    {
        // A table without a TTL keeps its rows for ever (retention is configuration since the analyst views: default
        // keep, LedgerRetention refuses settings below 24 months); a TTL written into a migration must keep 24 months.
        foreach (var migration in Migration.Embedded.Where(m => m.Sql.Contains("CREATE TABLE", StringComparison.Ordinal)))
            foreach (System.Text.RegularExpressions.Match ttl in System.Text.RegularExpressions.Regex.Matches(migration.Sql, @"TTL .*INTERVAL (\d+) (MONTH|DAY|YEAR)"))
            {
                var months = int.Parse(ttl.Groups[1].Value) * ttl.Groups[2].Value switch { "YEAR" => 12, "MONTH" => 1, _ => 0 };
                Assert.True(months >= 24, $"{migration.Name} keeps only {ttl.Value}");
            }
    }
}
