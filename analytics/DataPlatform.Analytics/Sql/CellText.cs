using System.Collections;
using System.Globalization;

namespace DataPlatform.Analytics.Sql;

/// <summary>Culture-invariant text for a cell, the way ClickHouse itself prints values.</summary>
public static class CellText
{
    public static string Of(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => s,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero && d.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Of)) + "]",
        _ => value.ToString() ?? "",
    };
}
