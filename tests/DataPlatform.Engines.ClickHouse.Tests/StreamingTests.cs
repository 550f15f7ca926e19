using System.Net;
using System.Text.Json;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>
/// Issue 12 item 6: a large result leaves the endpoint while the engine still produces it (chDB's streaming
/// API), and <c>X-ClickHouse-Summary</c> tells what the engine read, not how many rows it returned.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class StreamingTests(EngineFixture fixture)
{
    private const long Rows = 3_000_000;

    [Fact]
    public async Task A_large_result_is_sent_chunked_before_the_query_has_finished_and_arrives_whole()
    {
        using var response = await fixture.Http.GetAsync(
            $"?query={Uri.EscapeDataString($"SELECT number, toString(number) FROM numbers({Rows}) FORMAT CSV")}",
            HttpCompletionOption.ResponseHeadersRead);

        // The headers left after about a megabyte of output: the summary then counts the rows produced so far.
        var summary = Summary(response);
        Assert.True(response.Headers.TransferEncodingChunked == true, "a streamed result has no Content-Length");
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.InRange(summary.GetProperty("result_rows").GetString()!.Length > 0 ? long.Parse(summary.GetProperty("result_rows").GetString()!) : -1, 1, Rows - 1);

        var (lines, last) = await CountLinesAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(Rows, lines);
        Assert.Equal($"{Rows - 1},\"{Rows - 1}\"", last);
    }

    [Theory]
    [InlineData("CSVWithNames", 1)]
    [InlineData("TSVWithNamesAndTypes", 2)]
    public async Task A_header_format_streamed_in_many_chunks_has_its_header_once(string format, int headerLines)
    {
        using var response = await fixture.Http.GetAsync(
            $"?query={Uri.EscapeDataString($"SELECT number AS n FROM numbers({Rows}) FORMAT {format}")}",
            HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.Headers.TransferEncodingChunked == true);
        var (lines, last) = await CountLinesAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(Rows + headerLines, lines);
        Assert.Equal((Rows - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), last);
    }

    [Fact]
    public async Task The_driver_reads_a_streamed_RowBinaryWithNamesAndTypes_result_of_many_chunks()
    {
        using var reader = await fixture.Client.ExecuteReaderAsync($"SELECT number AS n, toString(number) AS s FROM numbers({Rows})");
        long rows = 0;
        ulong sum = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal(reader.GetValue(0).ToString(), reader.GetString(1));
            sum += Convert.ToUInt64(reader.GetValue(0));
            rows++;
        }

        Assert.Equal(Rows, rows);
        Assert.Equal((ulong)(Rows * (Rows - 1) / 2), sum);
    }

    [Fact]
    public async Task A_format_with_a_suffix_runs_whole_and_stays_one_document()
    {
        using var response = await fixture.Http.GetAsync($"?query={Uri.EscapeDataString("SELECT number FROM numbers(200000) FORMAT JSON")}");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Equal(200000, json.RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_small_result_has_its_length_and_a_summary_of_what_the_engine_read()
    {
        var database = await fixture.CreateDatabaseAsync("summary");
        await fixture.Client.ExecuteNonQueryAsync($"CREATE TABLE {database}.t (a UInt64) ENGINE = MergeTree ORDER BY a");
        await fixture.Client.ExecuteNonQueryAsync($"INSERT INTO {database}.t SELECT number FROM numbers(1000)");

        using var response = await fixture.Http.PostAsync("/", new StringContent($"SELECT count() FROM {database}.t WHERE a % 7 = 0"));

        Assert.Equal("143\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(4, response.Content.Headers.ContentLength);
        var summary = Summary(response);
        Assert.Equal("1000", summary.GetProperty("read_rows").GetString());
        Assert.Equal("1", summary.GetProperty("result_rows").GetString());
    }

    [Fact]
    public async Task A_query_failing_after_the_headers_never_looks_complete()
    {
        using var response = await fixture.Http.GetAsync(
            $"?query={Uri.EscapeDataString($"SELECT throwIf(number = {Rows - 10}) FROM numbers({Rows})")}",
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Either the client sees the aborted connection, or (had it arrived before the abort) the exception text.
        string body;
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            body = await reader.ReadToEndAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return;
        }

        Assert.Contains("Code: 395", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_failing_at_once_gets_its_error_status()
    {
        using var response = await fixture.Http.GetAsync($"?query={Uri.EscapeDataString("SELECT throwIf(number = 0) FROM numbers(10)")}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("395", response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
    }

    [Fact]
    public async Task Statements_that_cannot_stream_still_run_once()
    {
        var database = await fixture.CreateDatabaseAsync("nostream");
        using var create = await fixture.Http.PostAsync("/", new StringContent($"CREATE TABLE {database}.t (a UInt8) ENGINE = MergeTree ORDER BY a"));
        using var insert = await fixture.Http.PostAsync("/", new StringContent($"INSERT INTO {database}.t VALUES (1), (2)"));
        using var count = await fixture.Http.PostAsync("/", new StringContent($"SELECT count() FROM {database}.t"));

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, insert.StatusCode);
        Assert.Equal("2\n", await count.Content.ReadAsStringAsync());
    }

    private static JsonElement Summary(HttpResponseMessage response) =>
        JsonDocument.Parse(response.Headers.GetValues("X-ClickHouse-Summary").Single()).RootElement.Clone();

    private static async Task<(long Lines, string? Last)> CountLinesAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        long lines = 0;
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            last = line;
        }

        return (lines, last);
    }
}
