namespace DataPlatform.Analytics.Sql;

/// <summary>How <c>dataplatform sql</c> prints or exports a result. Xlsx and Parquet are files (<c>--out</c>).</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
    Xlsx,
    Parquet,
}

/// <summary>Names of <see cref="OutputFormat"/> as users type them.</summary>
public static class OutputFormats
{
    public const string Names = "table, csv, json, xlsx, parquet";

    /// <summary>The format called <paramref name="name"/> (any case; <c>excel</c> for xlsx), or null.</summary>
    public static OutputFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        "xlsx" or "excel" => OutputFormat.Xlsx,
        "parquet" => OutputFormat.Parquet,
        _ => null,
    };

    /// <summary>The format a file name's extension implies (<c>out.parquet</c>), or null.</summary>
    public static OutputFormat? FromFileName(string path) => Parse(Path.GetExtension(path).TrimStart('.'));

    /// <summary>Whether the format is binary and so only written to a file or a pipe.</summary>
    public static bool IsBinary(this OutputFormat format) => format is OutputFormat.Xlsx or OutputFormat.Parquet;
}
