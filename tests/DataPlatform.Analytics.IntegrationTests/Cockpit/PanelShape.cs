namespace DataPlatform.Analytics.IntegrationTests.Cockpit;

/// <summary>What each Grafana panel type needs from its query's result, as the panels render data frames.</summary>
public static class PanelShape
{
    /// <summary>Null when the result suits <paramref name="panelType"/>, else what is wrong.</summary>
    public static string? Check(string panelType, IReadOnlyList<(string Name, Type Type)> columns, int rows)
    {
        var numeric = columns.Count(c => IsNumeric(c.Type));
        var described = string.Join(", ", columns.Select(c => $"{c.Name}:{c.Type.Name}"));
        return panelType switch
        {
            "timeseries" when columns.Count == 0 || columns[0].Name != "time" || !IsTime(columns[0].Type) =>
                $"a time series needs a first column `time` of a time type, got {described}",
            "timeseries" when numeric == 0 => $"a time series needs a numeric column, got {described}",
            "stat" or "gauge" when numeric == 0 => $"a stat needs a numeric value, got {described}",
            "stat" or "gauge" when rows != 1 => $"a stat needs exactly one row, got {rows}",
            "piechart" or "barchart" when numeric == 0 || !columns.Any(c => c.Type == typeof(string)) =>
                $"a {panelType} needs a label column and a numeric column, got {described}",
            "table" when columns.Count == 0 => "a table needs columns",
            "timeseries" or "stat" or "gauge" or "piechart" or "barchart" or "table" => null,
            _ => $"panel type {panelType} is not one these checks know",
        };
    }

    private static bool IsTime(Type t) => t == typeof(DateTime) || t == typeof(DateTimeOffset);

    private static bool IsNumeric(Type t) =>
        Type.GetTypeCode(Nullable.GetUnderlyingType(t) ?? t) is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
            or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal
        || t.Name is "BigInteger" or "ClickHouseDecimal";
}
