using DataPlatform.Ledger;

namespace DataPlatform.Tests.Processing;

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
        foreach (var migration in Migration.Embedded.Where(m => m.Sql.Contains("CREATE TABLE", StringComparison.Ordinal)))
        {
            var ttl = System.Text.RegularExpressions.Regex.Match(migration.Sql, @"TTL .*INTERVAL (\d+) MONTH");
            Assert.True(ttl.Success, $"{migration.Name} has no TTL in months");
            Assert.True(int.Parse(ttl.Groups[1].Value) >= 24, $"{migration.Name} keeps only {ttl.Groups[1].Value} months");
        }
    }
}
