using ClickHouse.Driver;
using DataPlatform.Ledger;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>A month of synthetic ledger rows for one enterprise, generated inside ClickHouse from <c>numbers()</c>
/// (1 M passages in seconds): passages over the month and a tenth as many in each of the 5 months before, a
/// road-vehicle register (stages 国六/国五/国四/电动/国三 by plate, one plate in 50 unregistered, seven carriers), a
/// gate decision per entry (every 13th denied by one of three rules), device-offline alarms, regulator rates and
/// 补传 upload-log rows. Deterministic: the same arguments give the same rows.</summary>
public static class SyntheticLedger
{
    public const int Plates = 5000;

    public static async Task FillMonthAsync(ClickHouseClient client, string enterpriseId, int year, int month, long passages, CancellationToken ct = default)
    {
        var first = new DateOnly(year, month, 1);
        await PassagesAsync(client, enterpriseId, first, passages, ct);
        for (var back = 1; back <= 5; back++)
            await PassagesAsync(client, enterpriseId, first.AddMonths(-back), Math.Max(1, passages / 10), ct);
        await Exec(client,
            """
            INSERT INTO road_vehicles (row_id, enterprise_id, registration_code, version, changed_at, source, operator_id, plate_no, plate_color, vin, vehicle_type, fuel, stage, owner, fields)
            SELECT reinterpretAsUUID(sipHash128('rv', {e:String}, number)), {e:String},
                   concat('冀B', leftPad(toString(number), 5, '0'), '/yellow'), 1, toDateTime64('2025-01-01 00:00:00', 3, 'Asia/Shanghai'),
                   'national-platform', '', concat('冀B', leftPad(toString(number), 5, '0')), 'yellow', '', 'H11',
                   ['B', 'B', 'B', 'C', 'B'][number % 5 + 1], ['6', '5', '4', 'D', '3'][number % 5 + 1],
                   concat('运输公司', toString(number % 7)), map()
            FROM numbers({plates:UInt32}) WHERE number % 50 != 0
            """, ct, ("e", enterpriseId), ("plates", Plates));
        await Exec(client,
            """
            INSERT INTO gate_decisions (passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, vehicle_type, outcome, outcome_text, rule_id, rule_text, display_text, stage, control_status, reasons, decided_at, policy_version)
            SELECT passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, vehicle_type,
                   if(cityHash64(passage_id) % 13 = 0, 'deny', 'allow'), if(cityHash64(passage_id) % 13 = 0, '禁止通行', '允许通行'),
                   if(cityHash64(passage_id) % 13 = 0, ['blacklist', 'policy:min-stage', 'unknown-vehicle'][cityHash64(passage_id) % 3 + 1], 'default-allow'),
                   if(cityHash64(passage_id) % 13 = 0, ['黑名单车辆', '排放阶段低于国五', '未登记车辆'][cityHash64(passage_id) % 3 + 1], '允许通行'),
                   '', '', '常态', [], pass_time, 1
            FROM passages WHERE enterprise_id = {e:String} AND direction = 1
            """, ct, ("e", enterpriseId));
        await Exec(client,
            """
            INSERT INTO alarms (alarm_id, rule_id, source, severity, title, dedupe_key, window_start, raised_at, enterprise_id, gate_id, subject, source_id, detail)
            SELECT reinterpretAsUUID(sipHash128('alarm', {e:String}, number)), 'device-offline', 'device-event', 'warning', '设备离线',
                   concat('offline/', toString(number)), toDateTime({from:String}, 'Asia/Shanghai') + number * 86400 * 3, now64(3),
                   {e:String}, 'G01', 'cam-1', '', ''
            FROM numbers(4)
            """, ct, ("e", enterpriseId), ("from", first.ToString("yyyy-MM-dd") + " 08:00:00"));
        await Exec(client,
            """
            INSERT INTO regulator_rates (day, gate_id, generated, on_time, late_real_time, backfilled, unacknowledged, uploaded, complete, transmission_rate, completeness_rate, transmission_threshold, completeness_threshold, computed_at)
            SELECT toDate({from:String}) + intDiv(number, 2) AS day, ['G01', 'G02'][number % 2 + 1], 100, 95, 1, 3, 1, 99, 97, 0.95, 0.98, 0.9, 0.95, now64(3)
            FROM numbers({days:UInt32} * 2)
            """, ct, ("from", first.ToString("yyyy-MM-dd")), ("days", (uint)(first.AddMonths(1).DayNumber - first.DayNumber)));
        await Exec(client,
            """
            INSERT INTO regulator_upload_log (record_id, attempt, kind, enterprise_id, gate_id, generated_at, mode, started_at, finished_at, outcome, response_code, error, acked_at)
            SELECT concat({e:String}, '-rec-', toString(intDiv(number, 2))), number % 2 + 1, 'passage', {e:String}, 'G01',
                   toDateTime64({from:String}, 3, 'Asia/Shanghai') + intDiv(number, 2) * 3600, 'backfill',
                   now64(3), now64(3), 'Acknowledged', '0', '', now64(3)
            FROM numbers(60)
            """, ct, ("e", enterpriseId), ("from", first.ToString("yyyy-MM-dd") + " 10:00:00"));
    }

    private static Task PassagesAsync(ClickHouseClient client, string enterpriseId, DateOnly first, long count, CancellationToken ct) =>
        Exec(client,
            """
            INSERT INTO passages (passage_id, event_id, enterprise_id, gate_id, lane_id, direction, pass_time, plate_no, plate_color, confidence, vehicle_type, device_id, pictures, review_reason)
            SELECT reinterpretAsUUID(sipHash128('p', {e:String}, {from:String}, number)), concat({from:String}, '-', toString(number)), {e:String},
                   ['G01', 'G02'][number % 2 + 1], 'L1', intDiv(number, 2) % 2 + 1,
                   toDateTime({from:String}, 'Asia/Shanghai') + (number * 2654435761) % {seconds:UInt32},
                   concat('冀B', leftPad(toString((number * 7919) % {plates:UInt32}), 5, '0')), 'yellow',
                   toFloat32(0.6 + (number % 40) / 100), 'H11', concat('cam-', toString(number % 4)), [],
                   if(number % 97 = 0, 'low-confidence', '')
            FROM numbers({n:UInt64})
            """, ct, ("e", enterpriseId), ("from", first.ToString("yyyy-MM-dd") + " 00:00:00"),
            ("seconds", (uint)((first.AddMonths(1).DayNumber - first.DayNumber) * 86400)), ("plates", Plates), ("n", (ulong)count));

    private static Task Exec(ClickHouseClient client, string sql, CancellationToken ct, params (string, object)[] parameters) =>
        client.ExecuteNonQueryAsync(sql, ClickHouseParameters.Of(parameters), null, ct);
}
