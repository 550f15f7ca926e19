namespace DataPlatform.Analytics.Sql;

/// <summary>A fully read query result: column names and types, rows of values as the driver returned them.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<object?[]> Rows);
