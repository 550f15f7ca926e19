using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataPlatform.Analytics.Sql;

/// <summary>Prints a <see cref="QueryResult"/> as an aligned table, RFC 4180 CSV or a JSON array of objects.</summary>
public static class ResultWriter
{
    public static void Write(QueryResult result, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(result, output); break;
            case OutputFormat.Json: WriteJson(result, output); break;
            default: WriteTable(result, output); break;
        }
    }

    private static void WriteTable(QueryResult result, TextWriter output)
    {
        var cells = result.Rows.Select(r => r.Select(CellText.Of).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => cells.Select(r => DisplayWidth(r[i])).Prepend(DisplayWidth(c)).Max()).ToArray();
        string Line(IEnumerable<string> values) =>
            "│ " + string.Join(" │ ", values.Select((v, i) => v + new string(' ', widths[i] - DisplayWidth(v)))) + " │";
        string Rule(char left, char mid, char right) =>
            left + string.Join(mid, widths.Select(w => new string('─', w + 2))) + right;

        output.WriteLine(Rule('┌', '┬', '┐'));
        output.WriteLine(Line(result.Columns));
        output.WriteLine(Rule('├', '┼', '┤'));
        foreach (var row in cells) output.WriteLine(Line(row));
        output.WriteLine(Rule('└', '┴', '┘'));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cells.Count} row(s)"));
    }

    private static void WriteCsv(QueryResult result, TextWriter output)
    {
        output.WriteLine(string.Join(",", result.Columns.Select(Quote)));
        foreach (var row in result.Rows) output.WriteLine(string.Join(",", row.Select(v => Quote(CellText.Of(v)))));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    private static void WriteJson(QueryResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < result.Columns.Count; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    WriteJsonValue(json, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            // JSON has no NaN or infinity; ClickHouse's own JSON output quotes them too.
            case double d when !double.IsFinite(d): json.WriteStringValue(CellText.Of(d)); break;
            case float f when !float.IsFinite(f): json.WriteStringValue(CellText.Of(f)); break;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                json.WriteRawValue(CellText.Of(value)); break;
            default: json.WriteStringValue(CellText.Of(value)); break;
        }
    }

    /// <summary>Terminal columns a string takes: CJK and full-width characters take two.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += rune.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
                or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
                or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
        return width;
    }
}
