using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>The HTTP interface as curl, Grafana or DBeaver see it: plain requests, no driver.</summary>
[Collection(EngineCollection.Name)]
public sealed class HttpInterfaceTests(EngineFixture fixture)
{
    private HttpClient Http => fixture.Http;

    private static string Url(string query, string extra = "") => $"?query={Uri.EscapeDataString(query)}{extra}";

    [Theory]
    [InlineData("/ping")]
    [InlineData("/")]
    [InlineData("/replicas_status")]
    public async Task Health_paths_answer_Ok(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ok.\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Default_format_is_TabSeparated()
    {
        using var response = await Http.GetAsync(Url("SELECT number, toString(number * 2) FROM numbers(3)"));
        Assert.Equal("0\t0\n1\t2\n2\t4\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("TabSeparated", response.Headers.GetValues("X-ClickHouse-Format").Single());
        Assert.StartsWith("text/tab-separated-values", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Format_JSON_is_a_parsable_document()
    {
        using var response = await Http.PostAsync("/", new StringContent("SELECT 1 AS one, 'two' AS two FORMAT JSON"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = json.RootElement.GetProperty("data")[0];
        Assert.Equal(1, row.GetProperty("one").GetInt32());
        Assert.Equal("two", row.GetProperty("two").GetString());
        Assert.Equal("JSON", response.Headers.GetValues("X-ClickHouse-Format").Single());
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Body_labelled_urlencoded_as_curl_sends_it_is_run_as_the_query()
    {
        using var body = new StringContent("SELECT 40 + 2", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await Http.PostAsync("/", body);
        Assert.Equal("42\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Default_format_parameter_and_header_apply_when_the_query_names_none()
    {
        using var byParameter = await Http.GetAsync(Url("SELECT toUInt8(number) AS n FROM numbers(2)", "&default_format=JSONEachRow"));
        Assert.Equal("{\"n\":0}\n{\"n\":1}\n", await byParameter.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, Url("SELECT 1 AS a, 'x,y' AS b"));
        request.Headers.Add("X-ClickHouse-Format", "CSV");
        using var byHeader = await Http.SendAsync(request);
        Assert.Equal("1,\"x,y\"\n", await byHeader.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_parameters_bind_typed_placeholders()
    {
        using var response = await Http.GetAsync(Url("SELECT {a:UInt32} + 1, {s:String}", "&param_a=41&param_s=" + Uri.EscapeDataString("héllo")));
        Assert.Equal("42\théllo\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Syntax_error_is_400_with_ClickHouse_code_header_and_body()
    {
        using var response = await Http.PostAsync("/", new StringContent("SELEC 1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("62", response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.StartsWith("Code: 62. DB::Exception:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_table_is_404_with_code_60()
    {
        using var response = await Http.PostAsync("/", new StringContent("SELECT * FROM default.no_such_table_here"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("60", response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
    }

    [Fact]
    public async Task Readonly_requests_and_GET_cannot_write()
    {
        var database = await fixture.CreateDatabaseAsync("ro");
        using var readOnly = await Http.PostAsync($"/?readonly=1", new StringContent($"CREATE TABLE {database}.t (a UInt8) ENGINE = Memory"));
        using var viaGet = await Http.GetAsync(Url($"CREATE TABLE {database}.t (a UInt8) ENGINE = Memory"));
        using var writable = await Http.PostAsync("/", new StringContent($"CREATE TABLE {database}.t (a UInt8) ENGINE = Memory"));

        Assert.Equal("164", readOnly.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.Equal("164", viaGet.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.Equal(HttpStatusCode.OK, writable.StatusCode);
    }

    [Fact]
    public async Task Url_setting_applies_to_its_request_only()
    {
        using var first = await Http.GetAsync(Url("SELECT getSetting('max_block_size')", "&max_block_size=1234"));
        using var second = await Http.GetAsync(Url("SELECT getSetting('max_block_size')"));
        Assert.Equal("1234\n", await first.Content.ReadAsStringAsync());
        Assert.NotEqual("1234\n", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_http_only_settings_are_ignored()
    {
        using var response = await Http.GetAsync(Url("SELECT 1", "&wait_end_of_query=1&send_progress_in_http_headers=1&some_client_flag_x=1&session_timeout=60"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    [InlineData("zstd")]
    public async Task Compressed_request_bodies_are_decoded(string coding)
    {
        var database = await fixture.CreateDatabaseAsync("enc");
        await PostOkAsync($"CREATE TABLE {database}.t (a UInt32, b String) ENGINE = MergeTree ORDER BY a");
        var csv = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i},\"row {i}\"\n"));
        var body = Compress(Encoding.UTF8.GetBytes($"INSERT INTO {database}.t FORMAT CSV\n{csv}"), coding);

        using var content = new ByteArrayContent(body);
        content.Headers.ContentEncoding.Add(coding);
        using var insert = await Http.PostAsync("/", content);
        Assert.Equal(HttpStatusCode.OK, insert.StatusCode);

        using var count = await Http.GetAsync(Url($"SELECT count(), sum(a) FROM {database}.t"));
        Assert.Equal("1000\t499500\n", await count.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("zstd")]
    public async Task Responses_are_compressed_when_enabled_and_accepted(string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("SELECT number FROM numbers(5000)", "&enable_http_compression=1"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        using var response = await Http.SendAsync(request);

        Assert.Equal(coding, response.Content.Headers.ContentEncoding.Single());
        var text = Encoding.UTF8.GetString(Decompress(await response.Content.ReadAsByteArrayAsync(), coding));
        Assert.Equal(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i}\n")), text);
    }

    [Fact]
    public async Task Response_is_not_compressed_without_enable_http_compression()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("SELECT 1"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await Http.SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("1\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Binary_insert_with_the_query_in_the_url_keeps_leading_newline_and_space_bytes()
    {
        var database = await fixture.CreateDatabaseAsync("rowbinary");
        await PostOkAsync($"CREATE TABLE {database}.t (a UInt32) ENGINE = MergeTree ORDER BY a");
        // 10 is '\n' and 32 is ' ' as RowBinary UInt32 bytes: a careless splitter would eat them.
        var data = new byte[] { 10, 0, 0, 0, 32, 0, 0, 0, 13, 10, 0, 0 };

        using var insert = await Http.PostAsync(Url($"INSERT INTO {database}.t FORMAT RowBinary"), new ByteArrayContent(data));
        Assert.Equal(HttpStatusCode.OK, insert.StatusCode);
        Assert.Contains("\"written_rows\":\"3\"", insert.Headers.GetValues("X-ClickHouse-Summary").Single());

        using var rows = await Http.GetAsync(Url($"SELECT a FROM {database}.t ORDER BY a"));
        Assert.Equal("10\n32\n2573\n", await rows.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_id_and_timezone_headers_are_sent()
    {
        using var response = await Http.GetAsync(Url("SELECT 1", "&query_id=my-query-42"));
        Assert.Equal("my-query-42", response.Headers.GetValues("X-ClickHouse-Query-Id").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-ClickHouse-Timezone").Single()));
    }

    private async Task PostOkAsync(string sql)
    {
        using var response = await Http.PostAsync("/", new StringContent(sql));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Compress(byte[] data, string coding)
    {
        using var output = new MemoryStream();
        using (Stream encoder = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new ZstdSharp.CompressionStream(output, 3, leaveOpen: true),
        })
        {
            encoder.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data, string coding)
    {
        using var input = new MemoryStream(data);
        using Stream decoder = coding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => new ZstdSharp.DecompressionStream(input),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
