using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;

namespace DataPlatform.Analytics.Sql;

/// <summary>Ad-hoc SQL over the ledger for analysts; queries run in the ledger database by default.</summary>
public sealed class SqlConsole(ClickHouseClient client)
{
    public Task<QueryResult> QueryAsync(string sql, CancellationToken ct) => QueryAsync(sql, null, ct);

    public async Task<QueryResult> QueryAsync(string sql, ClickHouseParameterCollection? parameters, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(sql, parameters, null, ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return new QueryResult(columns, types, rows);
    }
}
