using ClickHouse.Driver;
using DataPlatform.Ledger;

namespace DataPlatform.Processing.Alarms;

/// <summary>Records acknowledgements in <c>alarm_acks</c> (append-only: every ack is kept as who/when/note, the
/// audit trail an inspection asks for) and lists alarms with their latest ack. Needs a client on the ledger database.</summary>
public sealed class AlarmAcknowledger(ClickHouseClient client)
{
    /// <summary>Alarms newest first with their latest ack; <c>{open:UInt8}</c> = 1 keeps the unacknowledged.</summary>
    public const string ListSql =
        """
        SELECT a.alarm_id AS alarm_id, a.raised_at AS raised_at, a.severity AS severity, a.rule_id AS rule_id,
               a.title AS title, k.last_by AS acked_by, k.last_at AS acked_at
        FROM (SELECT * FROM alarms FINAL) AS a
        LEFT JOIN (SELECT alarm_id, argMax(acked_by, acked_at) AS last_by, max(acked_at) AS last_at
                   FROM alarm_acks GROUP BY alarm_id) AS k ON k.alarm_id = a.alarm_id
        WHERE {open:UInt8} = 0 OR k.last_by = ''
        ORDER BY a.raised_at DESC
        LIMIT {limit:UInt32}
        """;

    /// <summary>Records an ack of <paramref name="alarmId"/>; null when no such alarm exists (nothing recorded).</summary>
    public async Task<Guid?> AckAsync(Guid alarmId, string by, string? note, DateTimeOffset at, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new ArgumentException("确认人不能为空", nameof(by));
        var exists = Convert.ToInt64(await client.ExecuteScalarAsync(
            "SELECT count() FROM alarms WHERE alarm_id = {id:UUID}", ClickHouseParameters.Of(("id", alarmId)), null, ct));
        if (exists == 0) return null;
        var ackId = Guid.NewGuid();
        await client.ExecuteNonQueryAsync(
            """
            INSERT INTO alarm_acks (ack_id, alarm_id, acked_at, acked_by, note)
            VALUES ({ack:UUID}, {id:UUID}, {at:DateTime64(3)}, {by:String}, {note:String})
            """,
            ClickHouseParameters.Of(("ack", ackId), ("id", alarmId),
                ("at", DateTime.SpecifyKind(at.UtcDateTime, DateTimeKind.Utc)), ("by", by.Trim()), ("note", note ?? "")),
            null, ct);
        return ackId;
    }
}
