using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace DataPlatform.Analytics.Waybills;

/// <summary>Turns an uploaded waybill file into rows of cell text for <see cref="DataPlatform.Rating.Waybills.WaybillRows"/>:
/// CSV in UTF-8 (with or without BOM; RFC 4180 quoting) or .xlsx (first worksheet; dates and numbers as the
/// import format writes them). A file that is neither is refused with the reason.</summary>
public static class WaybillFile
{
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Read(string fileName, byte[] content)
    {
        if (IsXlsx(fileName, content)) return ReadXlsx(content);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("文件不是 UTF-8 编码 the file is not UTF-8 text (save the CSV as UTF-8, or upload .xlsx)");
        }
        return Csv(text.TrimStart('\uFEFF'));
    }

    // .xlsx is a zip: "PK\x03\x04".
    private static bool IsXlsx(string fileName, byte[] content) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
        || (content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04);

    private static List<(int, IReadOnlyList<string>)> ReadXlsx(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"无法读取 Excel 文件 the .xlsx file cannot be read: {ex.Message}", ex);
        }
        using (workbook)
        {
            var rows = new List<(int, IReadOnlyList<string>)>();
            var sheet = workbook.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null) return rows;
            var lastColumn = used.LastColumn().ColumnNumber();
            foreach (var row in sheet.RowsUsed())
            {
                var cells = new List<string>();
                for (var c = 1; c <= lastColumn; c++) cells.Add(CellText(row.Cell(c)));
                rows.Add((row.RowNumber(), cells));
            }
            return rows;
        }
    }

    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => ((decimal)cell.GetDouble()).ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    /// <summary>RFC 4180: fields separated by commas, optionally quoted ("" inside quotes is a quote); CRLF or LF.</summary>
    public static List<(int Line, IReadOnlyList<string> Cells)> Csv(string text)
    {
        var rows = new List<(int, IReadOnlyList<string>)>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else { if (ch == '\n') line++; field.Append(ch); }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': cells.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    cells.Add(field.ToString()); field.Clear();
                    rows.Add((rowLine, cells));
                    cells = [];
                    line++;
                    rowLine = line;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            rows.Add((rowLine, cells));
        }
        return rows;
    }
}
