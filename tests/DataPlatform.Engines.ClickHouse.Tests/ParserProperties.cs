using System.Text;
using DataPlatform.Engines.ClickHouse.Http;
using DataPlatform.Engines.ClickHouse.Sql;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Engines.ClickHouse.Tests;

/// <summary>Properties of the pure request parsers, independent of the engine.</summary>
public sealed class ParserProperties
{
    private static readonly string[] Formats = ["RowBinary", "CSV", "JSONEachRow", "Native", "TabSeparated", "Parquet"];

    private static readonly string[] Heads =
    [
        "INSERT INTO db.t (a, b)",
        "insert into `weird table` (`x`)",
        "INSERT INTO t SETTINGS async_insert = 0",
        "/* comment FORMAT Nope */ INSERT INTO t (format)",
        "INSERT INTO t (a) -- FORMAT CSV\n",
        "INSERT INTO t2 (s) ",
    ];

    [Property]
    public bool Splitting_an_insert_never_loses_or_adds_data_bytes(byte[] data, NonNegativeInt headIndex, NonNegativeInt formatIndex, bool newline)
    {
        var head = Heads[headIndex.Get % Heads.Length];
        var format = Formats[formatIndex.Get % Formats.Length];
        var prefix = Encoding.UTF8.GetBytes($"{head} FORMAT {format}{(newline ? "\n" : " \n")}");
        var text = prefix.Concat(data).ToArray();

        var split = InsertSplit.TryParse(text);

        return split is not null
            && split.Format == format
            && text.AsSpan(split.DataOffset).SequenceEqual(data)
            && Encoding.UTF8.GetBytes(split.Statement).AsSpan().SequenceEqual(text.AsSpan(0, Encoding.UTF8.GetByteCount(split.Statement)));
    }

    [Property]
    public bool Data_after_the_format_name_on_the_same_line_starts_at_the_first_non_blank(NonEmptyString word)
    {
        var payload = "x" + new string(word.Get.Where(char.IsAsciiLetterOrDigit).ToArray());
        var text = Encoding.UTF8.GetBytes($"INSERT INTO t FORMAT CSV   {payload}");
        var split = InsertSplit.TryParse(text);
        return split is not null && Encoding.UTF8.GetString(text.AsSpan(split.DataOffset)) == payload;
    }

    [Property]
    public bool Statements_that_carry_no_format_data_are_not_split(NonNegativeInt pick, string tail)
    {
        string[] sqls =
        [
            "SELECT 1 FORMAT JSON",
            "INSERT INTO t VALUES (1, 'FORMAT CSV')",
            "INSERT INTO t SELECT * FROM numbers(3)",
            "INSERT INTO t FROM INFILE '/x' FORMAT CSV",
            "CREATE TABLE t (a UInt8) ENGINE = Memory",
        ];
        var text = Encoding.UTF8.GetBytes(sqls[pick.Get % sqls.Length] + " " + (tail ?? string.Empty).Replace("FORMAT", "", StringComparison.OrdinalIgnoreCase));
        return InsertSplit.TryParse(text) is null;
    }

    [Fact]
    public void WithInfile_places_the_file_before_a_settings_clause()
    {
        var split = InsertSplit.TryParse("INSERT INTO t (a) SETTINGS max_insert_threads = 1 FORMAT RowBinary\n\u0001"u8)!;
        Assert.Equal("INSERT INTO t (a)  FROM INFILE '/tmp/it''s' SETTINGS max_insert_threads = 1 FORMAT RowBinary".Replace("''", "\\'"), split.WithInfile("/tmp/it's"));
    }

    [Property]
    public bool Explicit_output_format_is_the_last_top_level_clause(NonNegativeInt pick)
    {
        var format = Formats[pick.Get % Formats.Length];
        var sql = $"SELECT 'FORMAT CSV', (SELECT 1 FORMAT JSON) AS `FORMAT` FROM t /* FORMAT XML */ FORMAT {format}";
        return OutputFormat.FindExplicit(Encoding.UTF8.GetBytes(sql)) == format
            && OutputFormat.FindExplicit("SELECT 'FORMAT CSV' -- FORMAT JSON"u8) is null;
    }

    [Property]
    public bool Error_code_is_parsed_from_chdb_text(NonNegativeInt code, string message)
    {
        var text = $"Code: {code.Get}. DB::Exception: {message}";
        return ErrorMapping.ExtractCode(text) == code.Get;
    }

    [Property]
    public bool Text_without_a_code_maps_to_the_generic_code(string message)
    {
        var text = (message ?? string.Empty).Replace("Code:", "", StringComparison.Ordinal);
        return ErrorMapping.ExtractCode(text) == ErrorMapping.UnknownCode;
    }

    [Property]
    public bool Every_code_maps_to_a_ClickHouse_http_status(int code) =>
        new[] { 400, 401, 403, 404, 408, 500, 501, 503 }.Contains(ErrorMapping.HttpStatus(code));

    [Property]
    public bool Url_parameters_are_sorted_into_exactly_one_bucket(NonEmptyString rawName, string value)
    {
        var name = new string(rawName.Get.Where(char.IsAsciiLetterOrDigit).ToArray());
        value ??= string.Empty;
        var input = new[]
        {
            new KeyValuePair<string, string>("param_" + (name.Length == 0 ? "p" : name), value),
            new KeyValuePair<string, string>("s_" + name, value),
            new KeyValuePair<string, string>("query", "SELECT 1"),
            new KeyValuePair<string, string>("wait_end_of_query", "1"),
            new KeyValuePair<string, string>("bad name;DROP", "1"),
        };

        var sorted = RequestParameters.Classify(input);

        return sorted.QueryParameters.Single().Key == (name.Length == 0 ? "p" : name)
            && sorted.QueryParameters.Single().Value == value
            && sorted.Settings.Single().Key == "s_" + name
            && sorted.Query == "SELECT 1";
    }

    [Property]
    public bool Content_codings_round_trip(byte[] data, NonNegativeInt pick)
    {
        string[] codings = ["gzip", "deflate", "br", "zstd"];
        var coding = codings[pick.Get % codings.Length];
        using var encoded = new MemoryStream();
        using (var encoder = ContentCoding.Encode(encoded, coding))
        {
            encoder.Write(data);
        }

        encoded.Position = 0;
        using var decoder = ContentCoding.Decode(encoded, coding);
        using var decoded = new MemoryStream();
        decoder.CopyTo(decoded);
        return decoded.ToArray().AsSpan().SequenceEqual(data);
    }

    [Theory]
    [InlineData("zstd, lz4, gzip, deflate", "zstd")]
    [InlineData("gzip;q=0, br", "br")]
    [InlineData("lz4, snappy", null)]
    [InlineData("", null)]
    public void Response_coding_is_chosen_from_what_the_client_accepts(string acceptEncoding, string? expected)
    {
        Assert.Equal(expected, ContentCoding.ChooseResponseCoding(acceptEncoding));
    }
}
