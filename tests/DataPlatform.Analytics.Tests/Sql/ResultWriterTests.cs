using DataPlatform.Analytics.Sql;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DataPlatform.Analytics.Tests.Sql;

public sealed class ResultWriterTests
{
    private static string Write(QueryResult result, OutputFormat format)
    {
        using var text = new StringWriter();
        ResultWriter.Write(result, format, text);
        return text.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_align_chinese_text_by_terminal_width()
    {
        var result = new QueryResult(["plate", "n"], ["String", "UInt64"], [["冀B12345", 3UL], ["AB", 10UL]]);
        var lines = Write(result, OutputFormat.Table).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("│ 冀B12345 │ 3  │", lines[3]);
        Assert.Equal("│ AB       │ 10 │", lines[4]);
        Assert.Equal("2 row(s)", lines[^1]);
        Assert.Single(lines.Take(lines.Length - 1).Select(ResultWriter.DisplayWidth).Distinct());
    }

    [Fact]
    public void Json_keeps_numbers_numbers_and_nulls_null()
    {
        var result = new QueryResult(["gate", "n", "c"], ["String", "UInt64", "Nullable(Float32)"], [["G01", 2UL, null]]);
        Assert.Equal("[{\"gate\":\"G01\",\"n\":2,\"c\":null}]", Write(result, OutputFormat.Json).Replace(" ", "").Replace("\n", ""));
    }

    [Property]
    public Property Csv_fields_read_back_exactly() => Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>[]>(), values =>
    {
        var row = values.Select(v => (object?)v.Get.Replace("\r", "")).ToArray();
        if (row.Length == 0) return true;
        var result = new QueryResult(row.Select((_, i) => $"c{i}").ToList(), row.Select(_ => "String").ToList(), [row]);
        var csv = Write(result, OutputFormat.Csv);
        var body = csv[(csv.IndexOf('\n') + 1)..].TrimEnd('\n');
        return ParseCsvRecord(body).SequenceEqual(row.Select(v => (string)v!));
    });

    private static List<string> ParseCsvRecord(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
