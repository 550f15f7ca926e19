namespace DataPlatform.Analytics.Sql;

/// <summary>How <c>dataplatform sql</c> prints a result.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
