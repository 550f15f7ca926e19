using System.Data.Common;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using DataPlatform.Ledger;

namespace DataPlatform.Reports.Model;

/// <summary>Runs a report query and maps each row by column name.</summary>
public sealed class LedgerQuery(ClickHouseClient client)
{
    public async Task<List<T>> RowsAsync<T>(string sql, ClickHouseParameterCollection parameters, Func<DbDataReader, T> map, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(sql, parameters, null, ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Whether the ledger database holds <paramref name="table"/> (tables other stages may not have made yet).</summary>
    public async Task<bool> TableExistsAsync(string table, CancellationToken ct) =>
        Convert.ToInt64(await client.ExecuteScalarAsync(
            "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = {t:String}",
            ClickHouseParameters.Of(("t", table)), null, ct)) > 0;

    /// <summary>The parameters every report query takes: enterprise and China days (inclusive).</summary>
    public static ClickHouseParameterCollection Period(string enterpriseId, DateOnly from, DateOnly to) =>
        ClickHouseParameters.Of(("e", enterpriseId), ("from", from.ToString("yyyy-MM-dd")), ("to", to.ToString("yyyy-MM-dd")));
}

/// <summary>Lenient typed reads of a column by name for report figures (SQL NULL reads as 0 or empty); a column the
/// query lacks fails naming it (<see cref="LedgerRow.Value"/>).</summary>
public static class RowReading
{
    public static long Long(this DbDataReader r, string column) => r.Value(column) switch { DBNull => 0, var v => Convert.ToInt64(v) };

    public static double? NullableDouble(this DbDataReader r, string column) =>
        r.Value(column) switch { DBNull or null => null, var v => Convert.ToDouble(v) };

    public static string Text(this DbDataReader r, string column) => r.Value(column) switch { DBNull => "", var v => Convert.ToString(v) ?? "" };

    public static string[] Texts(this DbDataReader r, string column) => r.Value(column) switch
    {
        string[] texts => texts,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => Convert.ToString(i) ?? "").ToArray(),
        _ => [],
    };

    public static DateOnly Day(this DbDataReader r, string column) => r.Value(column) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var other => DateOnly.Parse(Convert.ToString(other)!, System.Globalization.CultureInfo.InvariantCulture),
    };
}
