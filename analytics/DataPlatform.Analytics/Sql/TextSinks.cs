using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataPlatform.Analytics.Sql;

/// <summary>RFC 4180 CSV with a header line, a row written as soon as it arrives.</summary>
public sealed class CsvSink(TextWriter output) : IResultSink
{
    public ValueTask BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken ct)
    {
        output.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
        return ValueTask.CompletedTask;
    }

    public ValueTask RowAsync(object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) output.Write(',');
            output.Write(Quote(CellText.Of(values[i])));
        }

        output.WriteLine();
        return ValueTask.CompletedTask;
    }

    public ValueTask EndAsync(long rows, CancellationToken ct) => new(output.FlushAsync(ct));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A JSON array of objects, one per line, streamed: numbers stay numbers, NULL is null.</summary>
public sealed class JsonSink(TextWriter output) : IResultSink
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly MemoryStream buffer = new();
    private IReadOnlyList<ResultColumn> columns = [];
    private bool first = true;

    public ValueTask BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken ct)
    {
        this.columns = columns;
        output.Write('[');
        return ValueTask.CompletedTask;
    }

    public ValueTask RowAsync(object?[] values, CancellationToken ct)
    {
        buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                json.WritePropertyName(columns[i].Name);
                WriteValue(json, values[i]);
            }

            json.WriteEndObject();
        }

        output.Write(first ? "\n  " : ",\n  ");
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        first = false;
        return ValueTask.CompletedTask;
    }

    public ValueTask EndAsync(long rows, CancellationToken ct)
    {
        output.WriteLine(first ? "]" : "\n]");
        return new(output.FlushAsync(ct));
    }

    public ValueTask DisposeAsync() => buffer.DisposeAsync();

    private static void WriteValue(Utf8JsonWriter json, object? value)
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
}

/// <summary>
/// An aligned table for the terminal. Column widths come from the first <see cref="WidthSample"/> rows, which are
/// held back; later rows print as they arrive with those widths, so a long result neither waits nor fills memory.
/// </summary>
public sealed class TableSink(TextWriter output) : IResultSink
{
    public const int WidthSample = 1000;
    private readonly List<string[]> sample = [];
    private IReadOnlyList<ResultColumn> columns = [];
    private int[]? widths;

    public ValueTask BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken ct)
    {
        this.columns = columns;
        return ValueTask.CompletedTask;
    }

    public ValueTask RowAsync(object?[] values, CancellationToken ct)
    {
        var cells = values.Select(CellText.Of).ToArray();
        if (widths is null)
        {
            sample.Add(cells);
            if (sample.Count >= WidthSample) Flush();
        }
        else
        {
            output.WriteLine(Line(cells));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EndAsync(long rows, CancellationToken ct)
    {
        if (widths is null) Flush();
        output.WriteLine(Rule('└', '┴', '┘'));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} row(s)"));
        return new(output.FlushAsync(ct));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Flush()
    {
        widths = columns.Select((c, i) => sample.Select(r => DisplayWidth(r[i])).Prepend(DisplayWidth(c.Name)).Max()).ToArray();
        output.WriteLine(Rule('┌', '┬', '┐'));
        output.WriteLine(Line(columns.Select(c => c.Name)));
        output.WriteLine(Rule('├', '┼', '┤'));
        foreach (var row in sample) output.WriteLine(Line(row));
        sample.Clear();
    }

    private string Line(IEnumerable<string> values) =>
        "│ " + string.Join(" │ ", values.Select((v, i) => v + new string(' ', Math.Max(0, widths![i] - DisplayWidth(v))))) + " │";

    private string Rule(char left, char mid, char right) => left + string.Join(mid, widths!.Select(w => new string('─', w + 2))) + right;

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
