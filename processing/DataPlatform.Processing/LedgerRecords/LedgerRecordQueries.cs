using ClickHouse.Driver;
using DataPlatform.Ledger;
using DataPlatform.Streams;
using Microsoft.Extensions.Options;

namespace DataPlatform.Processing.LedgerRecords;

/// <summary>Reads the next closed trips after the trip stream's mark (passages are published from the writer's
/// batches, see <see cref="Passages.PassageRecordPublisher"/>), in (time, id) order, as typed ledger.records records.
/// Rows younger than the lag are left for the next run (see <c>TripOptions.PublishLagSeconds</c>).</summary>
public sealed class LedgerRecordQueries(ClickHouseClient client, IOptions<ClickHouseOptions> options)
{
    public const string PassageStream = "passage";
    public const string TripStream = "trip";

    private string Db => $"`{options.Value.Database}`";

    /// <summary>Closed trips, newest version (FINAL). A closed trip rewritten later (a late weighing) is published
    /// again under the same record id with a higher version.</summary>
    public async Task<List<LedgerRecordMessage>> ClosedTripsAsync(PublishMark after, Window window, CancellationToken ct)
    {
        var messages = new List<LedgerRecordMessage>();
        using var reader = await client.ExecuteReaderAsync(
            $$"""
            SELECT toUnixTimestamp64Milli(updated_at) AS ms, trip_id, enterprise_id, gate_id, version, exit_gate_id,
                   plate_no, plate_color, entry_passage_id, toUnixTimestamp(entry_time) * 1000 AS entry_ms, exit_passage_id,
                   toUnixTimestamp(exit_time) * 1000 AS exit_ms, load, gross_kg, tare_kg, net_kg, cargo_name
            FROM {{Db}}.trips FINAL
            WHERE entry_time >= fromUnixTimestamp({since:Int64}) AND status = 'closed'
              AND updated_at <= fromUnixTimestamp64Milli({until:Int64}, 'UTC')
              AND (toUnixTimestamp64Milli(updated_at), trip_id) > ({ms:Int64}, {id:UUID})
            ORDER BY ms, trip_id LIMIT {limit:UInt32}
            """,
            ClickHouseParameters.Of(
                ("since", window.Since.ToUnixTimeSeconds()), ("until", window.Until.ToUnixTimeMilliseconds()),
                ("ms", after.Ms), ("id", after.Id), ("limit", (uint)window.Limit)), null, ct);
        while (reader.Read())
        {
            var trip = new LedgerTripRecord
            {
                RecordId = reader.Uuid("trip_id"),
                Version = reader.UInt64("version"),
                EnterpriseId = reader.String("enterprise_id"),
                GateId = reader.String("gate_id"),
                ExitGateId = reader.String("exit_gate_id"),
                PlateNo = reader.String("plate_no"),
                PlateColor = reader.String("plate_color"),
                EntryPassageId = reader.Uuid("entry_passage_id"),
                EntryTime = LedgerRecordJson.Time(reader.Int64("entry_ms")),
                ExitPassageId = reader.Uuid("exit_passage_id"),
                ExitTime = LedgerRecordJson.Time(reader.Int64("exit_ms")),
                Load = reader.String("load"),
                GrossKg = NullableInt(reader.Value("gross_kg")),
                TareKg = NullableInt(reader.Value("tare_kg")),
                NetKg = NullableInt(reader.Value("net_kg")),
                CargoName = reader.String("cargo_name"),
            };
            var position = new PublishMark(reader.Int64("ms"), trip.RecordId);
            messages.Add(new LedgerRecordMessage(position, trip,
                new ExitLoad(trip.RecordId, trip.ExitPassageId, trip.Version, trip.CargoName, trip.NetKg)));
        }
        return messages;
    }

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
            loads[reader.Uuid("exit_passage_id")] = new ExitLoad(
                reader.Uuid("trip_id"), reader.Uuid("exit_passage_id"), reader.UInt64("version"),
                reader.String("cargo_name"), NullableInt(reader.Value("net_kg")));
        return loads;
    }

    private static int? NullableInt(object? value) => value is null or DBNull ? null : Convert.ToInt32(value);

    /// <summary>Rows with event time ≥ <paramref name="Since"/>, written at or before <paramref name="Until"/>, at most <paramref name="Limit"/>.</summary>
    public readonly record struct Window(DateTimeOffset Since, DateTimeOffset Until, int Limit);
}
