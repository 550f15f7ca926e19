using System.Net;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>
/// Issue 11 item 1 on the real engine: an endpoint with users lets the service write and keeps the
/// read-only analyst from writing, changing settings or reaching the host — refused by the engine's
/// readonly mode, checked here by what actually changed (nothing).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AnalystAccessTests(EngineFixture fixture) : IAsyncLifetime
{
    private UsersEndpoint endpoint = null!;
    private HttpClient service = null!;
    private HttpClient analyst = null!;
    private string database = null!;

    public async Task InitializeAsync()
    {
        endpoint = await UsersEndpoint.StartAsync(fixture);
        service = endpoint.ClientFor(UsersEndpoint.Service);
        analyst = endpoint.ClientFor(UsersEndpoint.Analyst);
        database = await fixture.CreateDatabaseAsync("analyst");
        await RunAsync(service, $"CREATE TABLE {database}.passages (id UInt64, plate String) ENGINE = MergeTree ORDER BY id", HttpStatusCode.OK);
        await RunAsync(service, $"INSERT INTO {database}.passages SELECT number, concat('京A', toString(number)) FROM numbers(10)", HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        service.Dispose();
        analyst.Dispose();
        await endpoint.DisposeAsync();
    }

    [Theory]
    [InlineData("INSERT INTO {db}.passages VALUES (99, 'x')")]
    [InlineData("INSERT INTO {db}.passages SELECT number + 100, 'y' FROM numbers(5)")]
    [InlineData("ALTER TABLE {db}.passages DELETE WHERE id < 5")]
    [InlineData("ALTER TABLE {db}.passages UPDATE plate = 'z' WHERE 1")]
    [InlineData("DELETE FROM {db}.passages WHERE id < 5")]
    [InlineData("TRUNCATE TABLE {db}.passages")]
    [InlineData("DROP TABLE {db}.passages")]
    [InlineData("RENAME TABLE {db}.passages TO {db}.gone")]
    [InlineData("CREATE TABLE {db}.mine (a UInt8) ENGINE = Memory")]
    [InlineData("OPTIMIZE TABLE {db}.passages FINAL")]
    [InlineData("SET readonly = 0")]
    [InlineData("SELECT count() FROM {db}.passages SETTINGS readonly = 0")]
    [InlineData("SELECT * FROM file('/etc/passwd', 'LineAsString')")]
    [InlineData("SELECT * FROM url('http://127.0.0.1:9/devices', 'LineAsString')")]
    [InlineData("SELECT * FROM s3('http://127.0.0.1:9/bucket/x.csv', 'CSV', 'a UInt8')")]
    [InlineData("SELECT * FROM executable('x.sh', 'TSV', 'a String')")]
    [InlineData("SELECT * FROM remote('127.0.0.1:9000', system.one)")]
    [InlineData("SELECT * FROM sqlite('/etc/passwd', 'x')")]
    [InlineData("SYSTEM SHUTDOWN")]
    public async Task Analyst_statements_that_write_or_reach_the_host_are_refused_by_the_engine(string template)
    {
        var sql = template.Replace("{db}", database, StringComparison.Ordinal);

        var (status, code, _) = await RunAsync(analyst, sql);

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("164", code); // READONLY
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Analyst_cannot_lift_readonly_through_the_url()
    {
        var (status, code, _) = await RunAsync(analyst, $"INSERT INTO {database}.passages VALUES (99, 'x')", extra: "&readonly=0");

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("164", code);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Into_outfile_is_refused_for_every_user_and_writes_no_file()
    {
        var target = Path.Combine(Path.GetTempPath(), $"outfile-{Guid.NewGuid():N}.txt");

        var asAnalyst = await RunAsync(analyst, $"SELECT * FROM {database}.passages INTO OUTFILE '{target}'");
        var asService = await RunAsync(service, $"SELECT 1 INTO OUTFILE '{target}'");

        Assert.Equal(HttpStatusCode.NotImplemented, asAnalyst.Status);
        Assert.Equal(HttpStatusCode.NotImplemented, asService.Status);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Analyst_reads_with_query_parameters_through_the_driver()
    {
        using var client = new ClickHouseClient(endpoint.Server.ConnectionStringFor(UsersEndpoint.Analyst));
        var parameters = new ClickHouseParameterCollection { new ClickHouseDbParameter { ParameterName = "low", Value = 4UL } };

        var count = await client.ExecuteScalarAsync($"SELECT count() FROM {database}.passages WHERE id >= {{low:UInt64}}", parameters);

        Assert.Equal(6UL, Convert.ToUInt64(count));
    }

    [Fact]
    public async Task Service_user_still_writes_through_the_driver()
    {
        using var client = new ClickHouseClient(endpoint.Server.ConnectionStringFor(UsersEndpoint.Service));

        var written = await client.InsertBinaryAsync($"{database}.passages", ["id", "plate"], [[100UL, "沪B1"], [101UL, "沪B2"]]);

        Assert.Equal(2, written);
        Assert.Equal("12", (await RunAsync(analyst, $"SELECT count() FROM {database}.passages", HttpStatusCode.OK)).Body.Trim());
    }

    [Theory]
    [InlineData("bogus", "wrong")]
    [InlineData("analyst", "wrong")]
    [InlineData("dataplatform", "")]
    [InlineData("", "")]
    public async Task Wrong_credentials_are_refused_with_401_and_code_516(string name, string password)
    {
        using var http = name.Length == 0 ? new HttpClient { BaseAddress = endpoint.Server.Endpoint } : endpoint.ClientFor(name, password);

        var (status, code, body) = await RunAsync(http, "SELECT 1");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("516", code);
        Assert.Contains("AUTHENTICATION_FAILED", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_are_accepted_from_ClickHouse_headers_and_url_parameters_too()
    {
        using var http = new HttpClient { BaseAddress = endpoint.Server.Endpoint };
        using var byHeaders = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("SELECT 1") };
        byHeaders.Headers.Add("X-ClickHouse-User", UsersEndpoint.Analyst.Name);
        byHeaders.Headers.Add("X-ClickHouse-Key", UsersEndpoint.Analyst.Password);

        using var headerResponse = await http.SendAsync(byHeaders);
        var byUrl = await RunAsync(http, "SELECT 2", extra: $"&user=analyst&password={UsersEndpoint.Analyst.Password}");

        Assert.Equal(HttpStatusCode.OK, headerResponse.StatusCode);
        Assert.Equal("2\n", byUrl.Body);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("SELECT 1; INSERT INTO {db}.passages VALUES (99, 'x')")]
    [InlineData("SELECT ';' AS a; DROP TABLE {db}.passages")]
    public async Task Multi_statement_texts_are_refused_before_anything_runs(string template)
    {
        var sql = template.Replace("{db}", database, StringComparison.Ordinal);

        var (status, code, body) = await RunAsync(service, sql);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("62", code);
        Assert.Contains("Multi-statements are not allowed", body, StringComparison.Ordinal);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_trailing_semicolon_and_a_semicolon_inside_a_literal_are_one_statement()
    {
        var (_, _, body) = await RunAsync(analyst, "SELECT 'a;b' AS x;  -- done", HttpStatusCode.OK);
        Assert.Equal("a;b\n", body);
    }

    private async Task AssertUnchangedAsync()
    {
        var (_, _, body) = await RunAsync(service, $"SELECT count(), sum(id), countIf(plate LIKE '京A%') FROM {database}.passages", HttpStatusCode.OK);
        Assert.Equal("10\t45\t10\n", body);
    }

    private static async Task<(HttpStatusCode Status, string? Code, string Body)> RunAsync(HttpClient http, string sql, HttpStatusCode? expected = null, string extra = "")
    {
        using var response = await http.PostAsync("/?database=default" + extra, new StringContent(sql));
        var body = await response.Content.ReadAsStringAsync();
        if (expected is not null)
        {
            Assert.True(expected == response.StatusCode, $"{sql}: {(int)response.StatusCode} {body}");
        }

        var code = response.Headers.TryGetValues("X-ClickHouse-Exception-Code", out var values) ? values.Single() : null;
        return (response.StatusCode, code, body);
    }
}
