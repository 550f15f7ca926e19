using System.Data.Common;
using System.Text.Json;
using ClickHouse.Driver;
using DataPlatform.Ledger;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>Reads the next closed trips after the trip stream's mark (passages are published from the writer's
/// batches, see <see cref="PassageRecordPublisher"/>), in (time, id) order, as ledger.records messages.
/// Rows younger than the lag are left for the next run (see <c>TripOptions.PublishLagSeconds</c>).</summary>
public sealed class LedgerRecordQueries(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public const string PassageStream = "passage";
    public const string TripStream = "trip";

    private string Db => $"`{options.Value.Database}`";

    /// <summary>Closed trips, newest version (FINAL). A closed trip rewritten later (a late weighing) is published
    /// again under the same record id with a higher version.</summary>
    public Task<List<LedgerRecordMessage>> ClosedTripsAsync(PublishMark after, Window window, CancellationToken ct) =>
        ReadAsync(
            $$"""
            SELECT toUnixTimestamp64Milli(updated_at) AS ms, trip_id AS id, enterprise_id, gate_id, version, exit_gate_id,
                   plate_no, plate_color, entry_passage_id, toUnixTimestamp(entry_time) * 1000, exit_passage_id,
                   toUnixTimestamp(exit_time) * 1000, load, gross_kg, tare_kg, net_kg, cargo_name
            FROM {{Db}}.trips FINAL
            WHERE entry_time >= fromUnixTimestamp({since:Int64}) AND status = 'closed'
              AND updated_at <= fromUnixTimestamp64Milli({until:Int64}, 'UTC')
              AND (toUnixTimestamp64Milli(updated_at), trip_id) > ({ms:Int64}, {id:UUID})
            ORDER BY ms, id LIMIT {limit:UInt32}
            """,
            after, window, ct, r => LedgerRecordJson.Write(r.GetGuid(1), TripStream, Convert.ToUInt64(r.GetValue(4)), w =>
            {
                w.WriteString("enterpriseId", r.GetString(2));
                w.WriteString("gateId", r.GetString(3));
                w.WriteString("exitGateId", r.GetString(5));
                w.WriteString("plateNo", r.GetString(6));
                w.WriteString("plateColor", r.GetString(7));
                w.WriteString("entryPassageId", r.GetGuid(8));
                w.WriteString("entryTime", LedgerRecordJson.Time(Convert.ToInt64(r.GetValue(9))));
                w.WriteString("exitPassageId", r.GetGuid(10));
                w.WriteString("exitTime", LedgerRecordJson.Time(Convert.ToInt64(r.GetValue(11))));
                w.WriteString("load", r.GetString(12));
                WriteNullableInt(w, "grossKg", r.GetValue(13));
                WriteNullableInt(w, "tareKg", r.GetValue(14));
                WriteNullableInt(w, "netKg", r.GetValue(15));
                w.WriteString("cargoName", r.GetString(16));
            }), r => new ExitLoad(r.GetGuid(1), r.GetGuid(10), Convert.ToUInt64(r.GetValue(4)), r.GetString(16),
                r.GetValue(15) is null or DBNull ? null : Convert.ToInt32(r.GetValue(15))));

    /// <summary>The load of the closed trip (newest version) each of <paramref name="exitPassageIds"/> ends, if any.</summary>
    public async Task<Dictionary<Guid, ExitLoad>> ClosedTripLoadsAsync(IReadOnlyCollection<Guid> exitPassageIds, CancellationToken ct)
    {
        var loads = new Dictionary<Guid, ExitLoad>();
        if (exitPassageIds.Count == 0) return loads;
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT trip_id, exit_passage_id, version, cargo_name, net_kg
            FROM {{Db}}.trips FINAL WHERE exit_passage_id IN {ids:Array(UUID)} AND status = 'closed'
            """,
            ClickHouseParameters.Of(("ids", exitPassageIds.ToArray())), null, ct);
        while (reader.Read())
            loads[reader.GetGuid(1)] = new ExitLoad(reader.GetGuid(0), reader.GetGuid(1), Convert.ToUInt64(reader.GetValue(2)),
                reader.GetString(3), reader.GetValue(4) is null or DBNull ? null : Convert.ToInt32(reader.GetValue(4)));
        return loads;
    }

    private static void WriteNullableInt(Utf8JsonWriter w, string name, object? value)
    {
        if (value is null or DBNull) w.WriteNull(name);
        else w.WriteNumber(name, Convert.ToInt32(value));
    }

    private async Task<List<LedgerRecordMessage>> ReadAsync(string sql, PublishMark after, Window window,
        CancellationToken ct, Func<DbDataReader, byte[]> json, Func<DbDataReader, ExitLoad?>? exit = null)
    {
        var messages = new List<LedgerRecordMessage>();
        using var reader = await client.ExecuteReaderAsync(sql, ClickHouseParameters.Of(
            ("since", window.Since.ToUnixTimeSeconds()), ("until", window.Until.ToUnixTimeMilliseconds()),
            ("ms", after.Ms), ("id", after.Id), ("limit", (uint)window.Limit)), null, ct);
        while (reader.Read())
        {
            var position = new PublishMark(Convert.ToInt64(reader.GetValue(0)), reader.GetGuid(1));
            messages.Add(new LedgerRecordMessage(position, position.Id, $"{reader.GetString(2)}/{reader.GetString(3)}", json(reader), exit?.Invoke(reader)));
        }
        return messages;
    }

    /// <summary>Rows with event time ≥ <paramref name="Since"/>, written at or before <paramref name="Until"/>, at most <paramref name="Limit"/>.</summary>
    public readonly record struct Window(DateTimeOffset Since, DateTimeOffset Until, int Limit);
}
