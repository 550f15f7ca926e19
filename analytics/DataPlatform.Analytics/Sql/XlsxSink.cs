using ClosedXML.Excel;

namespace DataPlatform.Analytics.Sql;

/// <summary>
/// An Excel workbook (ClosedXML): one sheet, a bold header row, numbers and times as Excel values so they sort
/// and sum. A sheet holds at most 1,048,576 rows; a larger result is refused with a hint instead of being cut.
/// </summary>
public sealed class XlsxSink(Stream output) : IResultSink
{
    public const int MaxDataRows = 1_048_575;
    private readonly XLWorkbook workbook = new();
    private IXLWorksheet sheet = null!;
    private int row = 1;

    public ValueTask BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken ct)
    {
        sheet = workbook.Worksheets.Add("结果");
        for (var i = 0; i < columns.Count; i++) sheet.Cell(1, i + 1).Value = columns[i].Name;
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        return ValueTask.CompletedTask;
    }

    public ValueTask RowAsync(object?[] values, CancellationToken ct)
    {
        if (row > MaxDataRows)
            throw new InvalidOperationException(
                $"结果超过 Excel 的 {MaxDataRows:N0} 行上限, 请改用 --format parquet 或 csv (the result exceeds Excel's {MaxDataRows:N0} rows: use --format parquet or csv)");
        row++;
        for (var i = 0; i < values.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            switch (values[i])
            {
                case null or DBNull: break;
                case string s: cell.SetValue(s); break;
                case bool b: cell.SetValue(b); break;
                case DateTime d: cell.SetValue(d); cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm:ss"; break;
                case DateTimeOffset d: cell.SetValue(d.UtcDateTime); cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm:ss"; break;
                // Excel numbers are doubles: integers beyond 2^53 would lose digits, so those stay text.
                case long or ulong or decimal when !FitsDouble(values[i]!): cell.SetValue(CellText.Of(values[i])); break;
                case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    cell.SetValue(Convert.ToDouble(values[i], System.Globalization.CultureInfo.InvariantCulture)); break;
                default: cell.SetValue(CellText.Of(values[i])); break;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EndAsync(long rows, CancellationToken ct)
    {
        workbook.SaveAs(output);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        workbook.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool FitsDouble(object value) => value switch
    {
        long l => Math.Abs(l) <= 1L << 53,
        ulong u => u <= 1UL << 53,
        decimal m => decimal.Round(m, 6) == m && Math.Abs(m) <= 1L << 53,
        _ => true,
    };
}
