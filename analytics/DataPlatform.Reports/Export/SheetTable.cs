using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace DataPlatform.Reports.Export;

/// <summary>One table of an export: a sheet of the workbook and one CSV file. Cells are strings, numbers, dates
/// or booleans; lists are joined with "; ".</summary>
public sealed record SheetTable(string Name, string FileSuffix, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}

/// <summary>Writes tables as an .xlsx workbook (ClosedXML) and as CSV files (UTF-8 with BOM so Excel reads the
/// Chinese, RFC 4180 quoting). Files are written aside, then renamed.</summary>
public static class TableExport
{
    public static async Task WriteWorkbookAsync(string path, IReadOnlyList<SheetTable> tables, CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(table.Name);
            for (var c = 0; c < table.Headers.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = table.Headers[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }
            for (var r = 0; r < table.Rows.Count; r++)
                for (var c = 0; c < table.Rows[r].Count; c++)
                    SetCell(sheet.Cell(r + 2, c + 1), table.Rows[r][c]);
            sheet.SheetView.FreezeRows(1);
            // Fixed widths: ClosedXML 0.95 measures text through System.Drawing, which needs libgdiplus on Linux.
            for (var c = 1; c <= table.Headers.Count; c++) sheet.Column(c).Width = 20;
        }
        var partial = path + ".partial.xlsx";
        workbook.SaveAs(partial);
        File.Move(partial, path, overwrite: true);
        await Task.CompletedTask;
    }

    public static async Task WriteCsvAsync(string path, SheetTable table, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Headers.Select(Quote)).Append("\r\n");
        foreach (var row in table.Rows)
            text.AppendJoin(',', row.Select(v => Quote(Text(v)))).Append("\r\n");
        await ReportRenderer.WriteWholeAsync(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], ct);
    }

    /// <summary>The text a cell shows in CSV (invariant culture; dates as yyyy-MM-dd, times as yyyy-MM-dd HH:mm:ss).</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join("; ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            case int or long or double or decimal or float or uint or ulong:
                cell.Value = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                break;
            default:
                cell.Value = Text(value);
                break;
        }
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
