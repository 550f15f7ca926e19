using DataPlatform.Ledger;

namespace DataPlatform.Reports.Model;

/// <summary>The ledger queries behind a report. Passages are the effective ones (after reviews; rejected reads
/// left out); a vehicle's stage, fuel and owner are the road-vehicle register's version in force at the passage
/// (its first version when the vehicle was learnt only after it passed). Days are China days.</summary>
public sealed class ReportQueries(LedgerQuery query)
{
    private const string EffectivePassages =
        """
        SELECT passage_id, direction, pass_time, plate_no, plate_color
        FROM passages_effective
        WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date} AND review_status != 'rejected'
        """;

    public Task<List<DailyPassages>> DailyAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            $"""
            SELECT toDate(pass_time) AS day, countIf(direction = 1) AS entries, countIf(direction = 2) AS exits
            FROM ({EffectivePassages})
            GROUP BY day ORDER BY day
            """,
            LedgerQuery.Period(e, from, to),
            r => new DailyPassages(r.Day("day"), r.Long("entries"), r.Long("exits")), ct);

    public async Task<long> DistinctVehiclesAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await query.RowsAsync(
            $"SELECT uniqExact(plate_no, plate_color) AS n FROM ({EffectivePassages})",
            LedgerQuery.Period(e, from, to), r => r.Long("n"), ct)).Single();

    /// <summary>Entries by month, stage, fuel and carrier (register owner), with how many of them the gate denied,
    /// from the first day of <paramref name="from"/>'s month to <paramref name="to"/>.</summary>
    public Task<List<EntryFacts>> EntryFactsAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            $$"""
            SELECT toStartOfMonth(p.pass_time) AS month, f.2 AS stage, f.3 AS fuel, f.4 AS owner,
                   count() AS entries, countIf(d.denied = 1) AS denied
            FROM
            (
                SELECT p.passage_id AS passage_id, p.pass_time AS pass_time,
                       r.v[greatest(1, arrayLastIndex(x -> x.1 <= p.pass_time, r.v))] AS f
                FROM ({{EffectivePassages}}) AS p
                LEFT JOIN
                (
                    SELECT plate_no, plate_color, arraySort(x -> x.1, groupArray((changed_at, stage, fuel, owner))) AS v
                    FROM road_vehicles FINAL
                    WHERE enterprise_id = {e:String}
                    GROUP BY plate_no, plate_color
                ) AS r ON r.plate_no = p.plate_no AND r.plate_color = p.plate_color
                WHERE p.direction = 1
            ) AS p
            LEFT JOIN
            (
                SELECT passage_id, toUInt8(1) AS denied FROM gate_decisions FINAL
                WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date} AND outcome = 'deny'
            ) AS d ON d.passage_id = p.passage_id
            GROUP BY month, stage, fuel, owner
            ORDER BY month, stage, fuel, owner
            """,
            LedgerQuery.Period(e, from, to),
            r => new EntryFacts(r.Day("month"), r.Text("stage"), r.Text("fuel"), r.Text("owner"), r.Long("entries"), r.Long("denied")), ct);

    public Task<List<RuleInterceptions>> InterceptionsAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            """
            SELECT rule_id, min(rule_text) AS rule_text, count() AS n
            FROM interceptions
            WHERE enterprise_id = {e:String} AND pass_date BETWEEN {from:Date} AND {to:Date}
            GROUP BY rule_id ORDER BY n DESC, rule_id
            """,
            LedgerQuery.Period(e, from, to),
            r => new RuleInterceptions(r.Text("rule_id"), r.Text("rule_text"), r.Long("n")), ct);

    public Task<List<(int Weekday, int Hour, long Count)>> HotHoursAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            """
            SELECT toDayOfWeek(pass_time) AS weekday, toHour(pass_time) AS hour, count() AS n
            FROM interceptions
            WHERE enterprise_id = {e:String} AND pass_date BETWEEN {from:Date} AND {to:Date}
            GROUP BY weekday, hour ORDER BY weekday, hour
            """,
            LedgerQuery.Period(e, from, to),
            r => ((int)r.Long("weekday"), (int)r.Long("hour"), r.Long("n")), ct);

    public Task<List<DeviceReads>> DevicesAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            """
            SELECT p.device_id AS device_id, p.passages AS passages, p.avg_confidence AS avg_confidence,
                   p.low_confidence AS low_confidence, p.flagged AS flagged, p.active_days AS active_days,
                   ifNull(a.offline, 0) AS offline
            FROM
            (
                SELECT device_id, count() AS passages, avg(confidence) AS avg_confidence,
                       countIf(confidence < 0.8) AS low_confidence, countIf(review_reason != '') AS flagged,
                       uniqExact(toDate(pass_time)) AS active_days
                FROM passages FINAL
                WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date}
                GROUP BY device_id
            ) AS p
            LEFT JOIN
            (
                SELECT subject AS device_id, count() AS offline FROM alarms FINAL
                WHERE enterprise_id = {e:String} AND rule_id = 'device-offline' AND toDate(window_start) BETWEEN {from:Date} AND {to:Date}
                GROUP BY subject
            ) AS a ON a.device_id = p.device_id
            ORDER BY device_id
            """,
            LedgerQuery.Period(e, from, to),
            r => new DeviceReads(r.Text("device_id"), r.Long("passages"), r.NullableDouble("avg_confidence"),
                r.Long("low_confidence"), r.Long("flagged"), (int)r.Long("active_days"), r.Long("offline")), ct);

    public async Task<RegulatorSummary> RegulatorAsync(string e, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rates = (await query.RowsAsync(
            """
            SELECT sum(generated) AS generated, sum(on_time) AS on_time, sum(backfilled) AS backfilled,
                   sum(uploaded) AS uploaded, sum(complete) AS complete
            FROM regulator_rates FINAL
            WHERE day BETWEEN {from:Date} AND {to:Date}
              AND gate_id IN (SELECT DISTINCT gate_id FROM passages WHERE enterprise_id = {e:String})
            """,
            LedgerQuery.Period(e, from, to),
            r => (Generated: r.Long("generated"), OnTime: r.Long("on_time"), Backfilled: r.Long("backfilled"),
                Uploaded: r.Long("uploaded"), Complete: r.Long("complete")), ct)).Single();
        var backfill = (await query.RowsAsync(
            """
            SELECT uniqExact(record_id) AS records, count() AS attempts
            FROM regulator_upload_log FINAL
            WHERE enterprise_id = {e:String} AND mode = 'backfill'
              AND toDate(generated_at, 'Asia/Shanghai') BETWEEN {from:Date} AND {to:Date}
            """,
            LedgerQuery.Period(e, from, to),
            r => (Records: r.Long("records"), Attempts: r.Long("attempts")), ct)).Single();
        return new RegulatorSummary(rates.Generated, rates.OnTime, rates.Backfilled, rates.Uploaded, rates.Complete,
            Ratio(rates.OnTime, rates.Generated), Ratio(rates.Complete, rates.Uploaded), backfill.Records, backfill.Attempts);
    }

    /// <summary>Passages of the period still waiting for a reviewer, oldest first.</summary>
    public async Task<ReviewBacklog> ReviewsAsync(string e, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var pending = await query.RowsAsync(
            """
            SELECT formatDateTime(pass_time, '%Y-%m-%d %H:%i:%S') AS pass_time, gate_id, plate_no, review_reason
            FROM review_queue
            WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date}
            ORDER BY pass_time, passage_id
            """,
            LedgerQuery.Period(e, from, to),
            r => new PendingReview(r.Text("pass_time"), r.Text("gate_id"), r.Text("plate_no"), r.Text("review_reason")), ct);
        return new ReviewBacklog(pending.Count, pending.FirstOrDefault()?.PassTime, pending.Take(20).ToList());
    }

    /// <summary>Enterprises with passages in the period, by id.</summary>
    public Task<List<string>> EnterprisesAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            "SELECT DISTINCT enterprise_id FROM passages WHERE toDate(pass_time) BETWEEN {from:Date} AND {to:Date} ORDER BY enterprise_id",
            LedgerQuery.Period("", from, to), r => r.Text("enterprise_id"), ct);

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}

/// <summary>Entries of one month, stage, fuel and carrier as the register had them when the vehicle entered.</summary>
public sealed record EntryFacts(DateOnly Month, string Stage, string Fuel, string Owner, long Entries, long Denied);

public sealed record DeviceReads(string DeviceId, long Passages, double? AverageConfidence, long LowConfidence, long Flagged, int ActiveDays, long OfflineAlarms);
