using DataPlatform.Ledger;

namespace DataPlatform.Reports.Model;

/// <summary>The ledger queries behind a report. Passages are the effective ones (after reviews; rejected reads
/// left out); a vehicle's stage, fuel and owner are the road-vehicle register's version in force at the passage
/// (its first version when the vehicle was learnt only after it passed). Days are China days.</summary>
public sealed class ReportQueries(LedgerQuery query)
{
    /// <summary>The period's passages as <c>passages_effective</c> has them (plate and status after reviews), with
    /// the period on both sides of the review join: the view's filter does not reach inside its join, so through the
    /// view every render read every passage and every review action of the ledger (the 55.8 s of the first 1 M
    /// benchmark). Rejected reads are kept here; each figure leaves them out where it should.</summary>
    private const string EffectivePassages =
        """
        SELECT p.passage_id AS passage_id, p.direction AS direction, p.pass_time AS pass_time, toDate(p.pass_time) AS day,
               p.gate_id AS gate_id, p.device_id AS device_id, p.confidence AS confidence, p.review_reason AS review_reason,
               if(a.reviewed = 0, p.plate_no, a.plate_no_after) AS plate_no,
               if(a.reviewed = 0, p.plate_color, a.plate_color_after) AS plate_color,
               multiIf(a.reviewed = 1, a.status_after, p.review_reason != '', 'pending', 'none') AS review_status
        FROM
        (
            SELECT passage_id, direction, pass_time, gate_id, device_id, confidence, review_reason, plate_no, plate_color
            FROM passages FINAL
            WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date}
        ) AS p
        LEFT JOIN
        (
            SELECT passage_id, toUInt8(1) AS reviewed,
                   argMax(status_after, (applied_at, action_id)) AS status_after,
                   argMax(plate_no_after, (applied_at, action_id)) AS plate_no_after,
                   argMax(plate_color_after, (applied_at, action_id)) AS plate_color_after
            FROM review_actions
            WHERE enterprise_id = {e:String} AND toDate(pass_time) BETWEEN {from:Date} AND {to:Date}
            GROUP BY passage_id
        ) AS a ON a.passage_id = p.passage_id
        """;

    /// <summary>How many pending reviews the report lists (oldest first).</summary>
    public const int ListedReviews = 20;

    /// <summary>Every figure of the period's passages in one read: passages in/out by day (rejected reads left
    /// out), distinct vehicles, each device's reads and recognition quality (every read, as the device made it),
    /// and the reviews still pending — one grouping set each. The passages are aggregated once by day × device and
    /// the sets rolled up from those few rows: grouping sets over the passages themselves ran every aggregate once
    /// per set.</summary>
    public async Task<PassageFigures> PassagesAsync(string e, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await query.RowsAsync(
            $"""
            SELECT figure_set, day, device_id, entries, exits, vehicles, passages, avg_confidence, low_confidence, flagged,
                   active_days, pending,
                   arrayMap(t -> formatDateTime(t.1, '%Y-%m-%d %H:%i:%S'), oldest) AS oldest_time,
                   arrayMap(t -> toString(t.3), oldest) AS oldest_gate,
                   arrayMap(t -> t.4, oldest) AS oldest_plate,
                   arrayMap(t -> t.5, oldest) AS oldest_reason
            FROM
            (
                SELECT multiIf(grouping(day) = 0, 'day', grouping(device_id) = 0, 'device', 'period') AS figure_set,
                       day, device_id,
                       sum(g_entries) AS entries, sum(g_exits) AS exits, uniqExactIfMerge(g_vehicles) AS vehicles,
                       sum(g_passages) AS passages, sum(g_confidence_sum) / nullIf(sum(g_confidence_count), 0) AS avg_confidence,
                       sum(g_low) AS low_confidence, sum(g_flagged) AS flagged, uniqExactIf(day, g_passages > 0) AS active_days,
                       sum(g_pending) AS pending,
                       arraySlice(arraySort(arrayFlatten(groupArray(g_oldest))), 1, {ListedReviews}) AS oldest
                FROM
                (
                    SELECT day, device_id,
                           countIf(direction = 1 AND review_status != 'rejected') AS g_entries,
                           countIf(direction = 2 AND review_status != 'rejected') AS g_exits,
                           uniqExactIfState(plate_no, plate_color, review_status != 'rejected') AS g_vehicles,
                           count() AS g_passages, sum(confidence) AS g_confidence_sum, count(confidence) AS g_confidence_count,
                           countIf(confidence < 0.8) AS g_low, countIf(review_reason != '') AS g_flagged,
                           countIf(review_status = 'pending') AS g_pending,
                           groupArraySortedIf({ListedReviews})((pass_time, passage_id, gate_id, plate_no, review_reason), review_status = 'pending') AS g_oldest
                    FROM ({EffectivePassages})
                    GROUP BY day, device_id
                )
                GROUP BY GROUPING SETS ((day), (device_id), ())
            )
            """,
            LedgerQuery.Period(e, from, to),
            r => new PassageRow(r.Text("figure_set"), r.Day("day"), r.Long("entries"), r.Long("exits"), r.Long("vehicles"),
                new DeviceReads(r.Text("device_id"), r.Long("passages"), r.NullableDouble("avg_confidence"),
                    r.Long("low_confidence"), r.Long("flagged"), (int)r.Long("active_days")),
                r.Long("pending"), Pending(r.Texts("oldest_time"), r.Texts("oldest_gate"), r.Texts("oldest_plate"), r.Texts("oldest_reason"))), ct);
        var period = rows.SingleOrDefault(r => r.Set == "period");
        return new PassageFigures(
            rows.Where(r => r.Set == "day").OrderBy(r => r.Day).Select(r => new DailyPassages(r.Day, r.Entries, r.Exits)).ToList(),
            period?.Vehicles ?? 0,
            rows.Where(r => r.Set == "device").Select(r => r.Device).OrderBy(d => d.DeviceId, StringComparer.Ordinal).ToList(),
            new ReviewBacklog(period?.Pending ?? 0, period?.Oldest.FirstOrDefault()?.PassTime, period?.Oldest ?? []));
    }

    /// <summary><c>device-offline</c> alarms of the period by device.</summary>
    public async Task<Dictionary<string, long>> OfflineAlarmsAsync(string e, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await query.RowsAsync(
            """
            SELECT subject AS device_id, count() AS offline FROM alarms FINAL
            WHERE enterprise_id = {e:String} AND rule_id = 'device-offline' AND toDate(window_start) BETWEEN {from:Date} AND {to:Date}
            GROUP BY subject
            """,
            LedgerQuery.Period(e, from, to), r => (Device: r.Text("device_id"), Count: r.Long("offline")), ct))
        .ToDictionary(a => a.Device, a => a.Count, StringComparer.Ordinal);

    private static List<PendingReview> Pending(string[] times, string[] gates, string[] plates, string[] reasons) =>
        times.Select((t, i) => new PendingReview(t, gates[i], plates[i], reasons[i])).ToList();

    private sealed record PassageRow(string Set, DateOnly Day, long Entries, long Exits, long Vehicles,
        DeviceReads Device, long Pending, List<PendingReview> Oldest);

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
                WHERE p.direction = 1 AND p.review_status != 'rejected'
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

    /// <summary>The period's interceptions (the <c>interceptions</c> ledger) in one read: by rule, and by weekday ×
    /// hour for the heat map.</summary>
    public async Task<InterceptionFigures> InterceptionsAsync(string e, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await query.RowsAsync(
            """
            SELECT grouping(rule_id) = 0 AS by_rule, rule_id, min(rule_text) AS rule_text,
                   toDayOfWeek(pass_time) AS weekday, toHour(pass_time) AS hour, count() AS n
            FROM interceptions
            WHERE enterprise_id = {e:String} AND pass_date BETWEEN {from:Date} AND {to:Date}
            GROUP BY GROUPING SETS ((rule_id), (weekday, hour))
            """,
            LedgerQuery.Period(e, from, to),
            r => (ByRule: r.Long("by_rule") == 1, Rule: new RuleInterceptions(r.Text("rule_id"), r.Text("rule_text"), r.Long("n")),
                Weekday: (int)r.Long("weekday"), Hour: (int)r.Long("hour")), ct);
        return new InterceptionFigures(
            rows.Where(r => r.ByRule).Select(r => r.Rule).OrderByDescending(r => r.Count).ThenBy(r => r.RuleId, StringComparer.Ordinal).ToList(),
            rows.Where(r => !r.ByRule).Select(r => (r.Weekday, r.Hour, r.Rule.Count)).OrderBy(c => c.Weekday).ThenBy(c => c.Hour).ToList());
    }

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

    /// <summary>Enterprises with passages in the period, by id.</summary>
    public Task<List<string>> EnterprisesAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        query.RowsAsync(
            "SELECT DISTINCT enterprise_id FROM passages WHERE toDate(pass_time) BETWEEN {from:Date} AND {to:Date} ORDER BY enterprise_id",
            LedgerQuery.Period("", from, to), r => r.Text("enterprise_id"), ct);

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}

/// <summary>Entries of one month, stage, fuel and carrier as the register had them when the vehicle entered.</summary>
public sealed record EntryFacts(DateOnly Month, string Stage, string Fuel, string Owner, long Entries, long Denied);

/// <summary>The figures of the period's passages (<see cref="ReportQueries.PassagesAsync"/>); days without passages
/// are missing from <see cref="Daily"/>.</summary>
public sealed record PassageFigures(List<DailyPassages> Daily, long DistinctVehicles, List<DeviceReads> Devices, ReviewBacklog Reviews);

/// <summary>Interceptions by rule (most first) and by weekday (1 = Monday) × hour.</summary>
public sealed record InterceptionFigures(List<RuleInterceptions> ByRule, List<(int Weekday, int Hour, long Count)> ByHour);

public sealed record DeviceReads(string DeviceId, long Passages, double? AverageConfidence, long LowConfidence, long Flagged, int ActiveDays);
