using DataPlatform.Ledger;

namespace DataPlatform.Tests.Processing;

public sealed class MigrationTests
{
    [Fact]
    public void Migrations_are_numbered_in_order_and_bind_the_database()
    {
        var migrations = Migration.Embedded;
        Assert.True(migrations.Count >= 2);
        // Versions are assigned in ranges to parallel work: unique and increasing, gaps allowed.
        Assert.Equal(1, migrations[0].Version);
        Assert.Equal(migrations.Select(m => m.Version).Distinct().Order(), migrations.Select(m => m.Version));
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
