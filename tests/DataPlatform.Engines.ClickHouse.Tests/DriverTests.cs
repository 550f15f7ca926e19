using System.Data.Common;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.ADO.Parameters;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>ClickHouse.Driver 1.5.0, unchanged, against the embedded endpoint.</summary>
[Collection(EngineCollection.Name)]
public sealed class DriverTests(EngineFixture fixture)
{
    private ClickHouseClient Client => fixture.Client;

    [Fact]
    public async Task InsertBinaryAsync_of_100k_rows_with_default_zstd_reads_back_with_parameters()
    {
        var database = await fixture.CreateDatabaseAsync("bulk");
        await Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.events (id UInt64, name String, amount Float64) ENGINE = MergeTree ORDER BY id");

        var rows = Enumerable.Range(0, 100_000).Select(i => new object[] { (ulong)i, $"event-{i}", i * 0.25 });
        var written = await Client.InsertBinaryAsync($"{database}.events", ["id", "name", "amount"], rows);

        Assert.Equal(100_000, written);
        var parameters = new ClickHouseParameterCollection
        {
            new ClickHouseDbParameter { ParameterName = "low", Value = 1_000UL },
            new ClickHouseDbParameter { ParameterName = "name", Value = "event-1500" },
        };
        using var reader = await Client.ExecuteReaderAsync(
            $"SELECT count(), sum(id), countIf(name = {{name:String}}) FROM {database}.events WHERE id >= {{low:UInt64}}", parameters);
        Assert.True(reader.Read());
        Assert.Equal(99_000UL, Convert.ToUInt64(reader.GetValue(0)));
        Assert.Equal(Enumerable.Range(1_000, 99_000).Sum(i => (long)i), Convert.ToInt64(reader.GetValue(1)));
        Assert.Equal(1UL, Convert.ToUInt64(reader.GetValue(2)));
    }

    [Fact]
    public async Task Ado_reader_returns_the_expected_types_and_values()
    {
        var database = await fixture.CreateDatabaseAsync("types");
        await Client.ExecuteNonQueryAsync($"""
            CREATE TABLE {database}.typed (
                at DateTime64(3, 'UTC'), city LowCardinality(String), maybe Nullable(Int32),
                price Decimal(18, 4), note String) ENGINE = MergeTree ORDER BY at
            """);
        var at = new DateTime(2024, 5, 17, 8, 30, 15, 123, DateTimeKind.Utc);
        await Client.InsertBinaryAsync($"{database}.typed", ["at", "city", "maybe", "price", "note"],
        [
            [at, "上海", null!, 1234.5678m, "你好，世界 — ClickHouse"],
            [at.AddDays(1), "Zürich", 42, -0.0001m, "tab\tand\nnewline"],
        ]);

        using var connection = new ClickHouseConnection(fixture.Server.ConnectionString);
        await connection.OpenAsync();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT at, city, maybe, price, note FROM {database}.typed ORDER BY at";
        using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(at, ((DateTime)reader.GetValue(0)).ToUniversalTime());
        Assert.Equal("上海", reader.GetString(1));
        Assert.True(reader.IsDBNull(2));
        Assert.Equal(1234.5678m, Convert.ToDecimal(reader.GetValue(3)));
        Assert.Equal("你好，世界 — ClickHouse", reader.GetString(4));

        Assert.True(await reader.ReadAsync());
        Assert.Equal("Zürich", reader.GetString(1));
        Assert.Equal(42, reader.GetInt32(2));
        Assert.Equal(-0.0001m, Convert.ToDecimal(reader.GetValue(3)));
        Assert.Equal("tab\tand\nnewline", reader.GetString(4));
        Assert.False(await reader.ReadAsync());
    }

    [Theory]
    [InlineData("SELEC 1", 62)]
    [InlineData("SELECT * FROM no_such_database_x.t", 81)]
    [InlineData("SELECT no_such_function_x(1)", 46)]
    public async Task Bad_sql_raises_ClickHouseServerException_with_the_engine_code(string sql, int expectedCode)
    {
        var exception = await Assert.ThrowsAsync<ClickHouseServerException>(() => Client.ExecuteScalarAsync(sql));
        Assert.Equal(expectedCode, exception.ErrorCode);
    }

    [Fact]
    public async Task A_per_request_setting_does_not_reach_the_next_request()
    {
        var options = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["max_result_rows"] = 7 } };
        var withSetting = await Client.ExecuteScalarAsync("SELECT getSetting('max_result_rows')", options: options);
        var without = await Client.ExecuteScalarAsync("SELECT getSetting('max_result_rows')");

        Assert.Equal(7UL, Convert.ToUInt64(withSetting));
        Assert.Equal(0UL, Convert.ToUInt64(without));
    }

    [Fact]
    public async Task A_SET_statement_in_one_request_does_not_reach_the_next()
    {
        await Client.ExecuteNonQueryAsync("SET max_result_bytes = 12345");
        Assert.Equal(0UL, Convert.ToUInt64(await Client.ExecuteScalarAsync("SELECT getSetting('max_result_bytes')")));
    }

    [Fact]
    public async Task Database_from_the_connection_string_is_used_for_unqualified_names()
    {
        var database = await fixture.CreateDatabaseAsync("current");
        using var client = new ClickHouseClient(fixture.Server.ConnectionString + $";Database={database}");
        Assert.Equal(database, await client.ExecuteScalarAsync("SELECT currentDatabase()"));
        Assert.Equal("default", await Client.ExecuteScalarAsync("SELECT currentDatabase()"));
    }

    [Fact]
    public async Task Concurrent_queries_all_return_their_own_results()
    {
        var queries = Enumerable.Range(1, 24)
            .Select(async i => (i, value: Convert.ToUInt64(await Client.ExecuteScalarAsync($"SELECT sum(number) FROM numbers({i * 10_000})"))));
        var results = await Task.WhenAll(queries);

        foreach (var (i, value) in results)
        {
            var n = (ulong)i * 10_000;
            Assert.Equal(n * (n - 1) / 2, value);
        }
    }

    [Fact]
    public async Task Slow_queries_run_in_parallel_rather_than_one_after_another()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.ExecuteScalarAsync("SELECT sleep(1)")));

        // Serialized they would need 4 s.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3.5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Ping_succeeds()
    {
        Assert.True(await Client.PingAsync());
    }
}
