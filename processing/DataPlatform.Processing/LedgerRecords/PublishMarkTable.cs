using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>The publisher's high-water marks in <c>ledger_publish_marks</c>: kept in ClickHouse next to the ledger,
/// so a restarted (or replacement) processing host resumes where the last acknowledged publish ended.</summary>
public sealed class PublishMarkTable(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    private string Db => $"`{options.Value.Database}`";

    public async Task<PublishMark> ReadAsync(string stream, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT toUnixTimestamp64Milli(mark) AS mark_ms, mark_id FROM {{Db}}.ledger_publish_marks FINAL
            WHERE stream = {s:String}
            """,
            ClickHouseParameters.Of(("s", stream)), null, ct);
        return reader.Read() ? new PublishMark(reader.Int64("mark_ms"), reader.Uuid("mark_id")) : PublishMark.Start;
    }

    public Task SaveAsync(string stream, PublishMark mark, CancellationToken ct) =>
        client.ExecuteNonQueryAsync(
            $$"""
            INSERT INTO {{Db}}.ledger_publish_marks (stream, mark, mark_id)
            SELECT {s:String}, fromUnixTimestamp64Milli({m:Int64}, 'UTC'), {id:UUID}
            """,
            ClickHouseParameters.Of(("s", stream), ("m", mark.Ms), ("id", mark.Id)), null, ct);
}
