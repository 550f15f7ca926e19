using System.Globalization;

namespace DataPlatform.Rating.Waybills;

/// <summary>Checks the cells of a waybill file (already split into rows of text by the CSV or xlsx reader) against
/// the import format: a header naming <c>date,mode,direction,material,tonnes,reference</c> (any order, case and
/// surrounding blanks ignored), then one shipment per row. Every bad row is reported; blank rows are skipped.</summary>
public static class WaybillRows
{
    public static IReadOnlyList<string> Columns { get; } = ["date", "mode", "direction", "material", "tonnes", "reference"];

    /// <summary>Largest tonnage one row may carry: a unit train or a vessel, well above any one waybill.</summary>
    public const decimal MaxTonnes = 1_000_000m;

    /// <param name="rows">Rows of cells, the header first; each with its 1-based line number.</param>
    public static WaybillParseResult Check(IEnumerable<(int Line, IReadOnlyList<string> Cells)> rows)
    {
        var good = new List<WaybillRow>();
        var errors = new List<WaybillRowError>();
        int[]? index = null;
        foreach (var (line, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (index is null)
            {
                index = HeaderIndex(cells, line, errors);
                if (index is null) break;
                continue;
            }
            var row = CheckRow(line, index.Select(i => i < cells.Count ? cells[i].Trim() : "").ToArray(), errors);
            if (row is not null) good.Add(row);
        }
        if (index is null && errors.Count == 0) errors.Add(new WaybillRowError(0, "文件为空 the file has no header row (date,mode,direction,material,tonnes,reference)"));
        else if (index is not null && good.Count == 0 && errors.Count == 0) errors.Add(new WaybillRowError(0, "没有数据行 the file has a header but no rows"));
        return errors.Count > 0 ? new WaybillParseResult([], errors) : new WaybillParseResult(good, []);
    }

    private static int[]? HeaderIndex(IReadOnlyList<string> cells, int line, List<WaybillRowError> errors)
    {
        var names = cells.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new WaybillRowError(line, $"表头缺少列 header lacks column(s) {string.Join(", ", missing)} (expected {string.Join(",", Columns)})"));
            return null;
        }
        return Columns.Select(c => names.IndexOf(c)).ToArray();
    }

    private static WaybillRow? CheckRow(int line, string[] v, List<WaybillRowError> errors)
    {
        var reasons = new List<string>();
        if (!TryDate(v[0], out var date)) reasons.Add($"日期无效 date '{v[0]}' is not yyyy-MM-dd");
        var mode = CleanMode.Parse(v[1]);
        if (mode is null) reasons.Add($"运输方式无效 mode '{v[1]}' is not rail | water | pipeline | conveyor | 铁路 | 水路 | 管道 | 管廊 | 皮带");
        var direction = ShipmentDirection.Parse(v[2]);
        if (direction is null) reasons.Add($"方向无效 direction '{v[2]}' is not in | out | 进 | 出");
        if (v[3].Length == 0) reasons.Add("货物名称为空 material is empty");
        else if (v[3].Length > 100) reasons.Add("货物名称过长 material is longer than 100 characters");
        if (!decimal.TryParse(v[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tonnes))
            reasons.Add($"吨数无效 tonnes '{v[4]}' is not a number");
        else if (tonnes <= 0 || tonnes > MaxTonnes) reasons.Add($"吨数超出范围 tonnes {v[4]} is not in (0, {MaxTonnes}]");
        else if (decimal.Round(tonnes, 3) != tonnes) reasons.Add($"吨数精度过高 tonnes {v[4]} has more than 3 decimals (kg)");
        if (v[5].Length == 0) reasons.Add("单据号为空 reference (waybill / belt-scale ticket no.) is empty");
        else if (v[5].Length > 64) reasons.Add("单据号过长 reference is longer than 64 characters");
        if (reasons.Count > 0)
        {
            errors.Add(new WaybillRowError(line, string.Join("; ", reasons)));
            return null;
        }
        return new WaybillRow(line, date, mode!, direction!, v[3], tonnes, v[5]);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The row's content as one canonical line: the id of a shipment is the hash of this line with the
    /// enterprise, so re-importing the same row (whatever its line, spelling of mode or trailing zeros) adds nothing.</summary>
    public static string Canonical(string enterpriseId, WaybillRow row) =>
        string.Join('\u001f', enterpriseId, row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Mode, row.Direction,
            row.Material, row.Tonnes.ToString("0.000", CultureInfo.InvariantCulture), row.Reference);
}
