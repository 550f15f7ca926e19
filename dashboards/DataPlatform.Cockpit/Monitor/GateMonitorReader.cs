using System.Data.Common;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using DataPlatform.Ledger;

namespace DataPlatform.Cockpit.Monitor;

/// <summary>Reads the live monitor's figures from the ledger: the gate decisions of passages as they are made, passage
/// counts, the review queue, alarms and acknowledgements, device reads (passages and lane reads), and the bridge's
/// upload rates. Read-only; every value a query depends on is a parameter. An empty enterprise id given to
/// <see cref="ReadAsync(string, DateOnly, DateTimeOffset, int, int, CancellationToken)"/> = every enterprise.</summary>
public sealed class GateMonitorReader(ClickHouseClient client)
{
    private const string Enterprise = "({enterprise:String} = '' OR enterprise_id = {enterprise:String})";

    public async Task<GateMonitorSnapshot> ReadAsync(string enterpriseId, DateOnly day, DateTimeOffset now, int recent, int offlineMinutes, CancellationToken ct)
    {
        var p = () => ClickHouseParameters.Of(("enterprise", enterpriseId), ("day", day.ToString("yyyy-MM-dd")), ("recent", recent), ("offline", offlineMinutes));
        // The reads run side by side: the snapshot is as old as its slowest query, not as the sum of them, which is most
        // of the monitor's delay behind the ledger on a loaded machine.
        var today = ReadTodayAsync(p(), ct);
        // The list comes from the gate decisions: the decision (and the display text) exists as soon as the gate has
        // decided, while the passage row waits for its lane's fusion window to close (up to 5 s on a quiet lane).
        var passages = ReadAsync($$"""
            SELECT toString(passage_id) AS passage_id, formatDateTime(pass_time, '%H:%i:%S') AS pass_clock, gate_id, lane_id,
                   direction, plate_no, plate_color, vehicle_type, outcome, outcome_text, display_text
            FROM gate_decisions FINAL
            WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}
            ORDER BY pass_time DESC, passage_id LIMIT {recent:UInt32}
            """, p(), r => new RecentPassage(S(r, "passage_id"), S(r, "pass_clock"), S(r, "gate_id"), S(r, "lane_id"),
                Convert.ToInt32(r["direction"]), S(r, "plate_no"), S(r, "plate_color"), S(r, "vehicle_type"), S(r, "outcome"),
                S(r, "outcome_text"), S(r, "display_text")), ct);
        var hours = ReadAsync($$"""
            SELECT toHour(p.pass_time) AS hour, countIf(p.direction = 1) AS entries, countIf(p.direction = 2) AS exits,
                   countIf(d.outcome = 'deny') AS denied
            FROM (SELECT passage_id, pass_time, direction FROM passages FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS p
            LEFT JOIN (SELECT passage_id, outcome FROM gate_decisions FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS d
                 ON d.passage_id = p.passage_id
            GROUP BY hour ORDER BY hour
            """, p(), r => new HourCount(Convert.ToInt32(r["hour"]), L(r, "entries"), L(r, "exits"), L(r, "denied")), ct);
        var alarms = ReadAsync($$"""
            SELECT formatDateTime(raised_at, '%H:%i:%S') AS raised_clock, severity, title, gate_id, subject,
                   alarm_id IN (SELECT alarm_id FROM alarm_acks) AS acknowledged
            FROM alarms FINAL WHERE toDate(window_start) = {day:Date} AND {{Enterprise}}
            ORDER BY raised_at DESC LIMIT 20
            """, p(), r => new AlarmRow(S(r, "raised_clock"), S(r, "severity"), S(r, "title"), S(r, "gate_id"), S(r, "subject"),
                Convert.ToInt32(r["acknowledged"]) == 1), ct);
        var devices = ReadAsync($$"""
            SELECT device_id, gate_id, formatDateTime(max(last_seen), '%H:%i:%S') AS seen_clock,
                   max(last_seen) >= now() - toIntervalMinute({offline:UInt32}) AS online, sum(reads) AS reads
            FROM (SELECT device_id, gate_id, max(pass_time) AS last_seen, count() AS reads FROM passages
                  WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}} AND device_id != '' GROUP BY device_id, gate_id
                  UNION ALL
                  SELECT device_id, gate_id, max(pass_time) AS last_seen, count() AS reads FROM lane_reads
                  WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}} AND device_id != '' GROUP BY device_id, gate_id)
            GROUP BY device_id, gate_id ORDER BY gate_id, device_id
            """, p(), r => new DeviceStatus(S(r, "device_id"), S(r, "gate_id"), S(r, "seen_clock"), Convert.ToInt32(r["online"]) == 1, L(r, "reads")), ct);
        var uploads = ReadAsync($$"""
            SELECT (SELECT sum(generated) FROM regulator_rates FINAL WHERE day = {day:Date}) AS generated,
                   (SELECT sum(on_time) FROM regulator_rates FINAL WHERE day = {day:Date}) AS on_time,
                   (SELECT sum(backfilled) FROM regulator_rates FINAL WHERE day = {day:Date}) AS backfilled,
                   (SELECT sum(complete) FROM regulator_rates FINAL WHERE day = {day:Date}) AS complete,
                   (SELECT sum(uploaded) FROM regulator_rates FINAL WHERE day = {day:Date}) AS uploaded,
                   (SELECT count() FROM regulator_outbox FINAL WHERE state IN ('Pending', 'InFlight', 'RetryWait') AND {{Enterprise}}) AS backlog
            """, p(), r => (Generated: L(r, "generated"), OnTime: L(r, "on_time"), Backfilled: L(r, "backfilled"),
                Complete: L(r, "complete"), Uploaded: L(r, "uploaded"), Backlog: L(r, "backlog")), ct);
        await Task.WhenAll(today, passages, hours, alarms, devices, uploads);
        var upload = (await uploads).Single();
        return new GateMonitorSnapshot(day.ToString("yyyy-MM-dd"), now.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss"), await today,
            await passages, await hours, await alarms, await devices,
            new UploadRate(upload.Generated, upload.OnTime, upload.Backfilled, upload.Backlog,
                upload.Generated > 0 ? (double)upload.OnTime / upload.Generated : null,
                upload.Uploaded > 0 ? (double)upload.Complete / upload.Uploaded : null));
    }

    private async Task<TodayCounts> ReadTodayAsync(ClickHouseParameterCollection parameters, CancellationToken ct) =>
        (await ReadAsync($$"""
            SELECT (SELECT countIf(direction = 1) FROM passages FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS entries,
                   (SELECT countIf(direction = 2) FROM passages FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS exits,
                   (SELECT countIf(outcome = 'allow') FROM gate_decisions FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS allowed,
                   (SELECT countIf(outcome = 'deny') FROM gate_decisions FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS denied,
                   (SELECT countIf(outcome = 'manual') FROM gate_decisions FINAL WHERE toDate(pass_time) = {day:Date} AND {{Enterprise}}) AS manual,
                   (SELECT count() FROM review_queue WHERE {{Enterprise}}) AS pending_review
            """, parameters, r => new TodayCounts(L(r, "entries"), L(r, "exits"), L(r, "allowed"), L(r, "denied"), L(r, "manual"),
                L(r, "pending_review")), ct)).Single();

    private async Task<List<T>> ReadAsync<T>(string sql, ClickHouseParameterCollection parameters, Func<DbDataReader, T> map, CancellationToken ct)
    {
        using var reader = await client.ExecuteReaderAsync(sql, parameters, null, ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    private static string S(DbDataReader r, string column) => r[column] is string s ? s : Convert.ToString(r[column]) ?? "";

    private static long L(DbDataReader r, string column) => r[column] is DBNull or null ? 0 : Convert.ToInt64(r[column]);
}
