namespace DataPlatform.Analytics.Rating;

/// <summary>The SQL that fills <see cref="RatingTables.Daily"/> (the definitions of analytics/README.md, in
/// ClickHouse). Kept in one place: the evidence listing and the tests' separately written SQL check against it.</summary>
internal static class RatingDailySql
{
    /// <summary>GA 24.4 heavy goods vehicle (H1x, Q1x) as a ClickHouse predicate on a vehicle-type expression.</summary>
    public static string IsHeavy(string vehicleType) => $"match({vehicleType}, '^[HQ]1')";

    /// <summary>Closed inbound/outbound trips entering on days {from}…{to} with the vehicle facts in force at entry:
    /// the road-vehicle version with the latest changed_at ≤ entry time, else (learnt after it entered) its first
    /// version; vehicle type from the register, else from the entry passage (after reviews).</summary>
    public static string TripFacts(string db) =>
        $"""
        SELECT t.enterprise_id AS enterprise_id, toDate(t.entry_time) AS day, t.trip_id AS trip_id,
               t.entry_passage_id AS entry_passage_id, t.exit_passage_id AS exit_passage_id,
               t.plate_no AS plate_no, t.plate_color AS plate_color, t.entry_time AS entry_time,
               t.net_kg AS net_kg, t.weighing_ids AS weighing_ids, t.load AS load, t.cargo_name AS cargo_name,
               toInt64(greatest(ifNull(t.net_kg, 0), 0)) AS kg,
               if(r.found = 1, r.stage, if(f.found = 1, f.stage, '')) AS stage,
               if(r.found = 1, r.vehicle_type, if(f.found = 1, f.vehicle_type, '')) AS register_type,
               if(register_type != '', register_type, p.vehicle_type) AS vehicle_type,
               {IsHeavy("vehicle_type")} AS heavy,
               stage = '' AS unknown_stage
        FROM
        (
            SELECT trip_id, enterprise_id, plate_no, plate_color, entry_passage_id, exit_passage_id, entry_time,
                   toDateTime64(entry_time, 3, 'Asia/Shanghai') AS entry_at, net_kg, weighing_ids, load, cargo_name
            FROM {db}.trips FINAL
            WHERE toDate(entry_time) BETWEEN toDate({"{from:String}"}) AND toDate({"{to:String}"})
              AND status = 'closed' AND load IN ('inbound', 'outbound')
        ) AS t
        ASOF LEFT JOIN
        (
            SELECT plate_no, plate_color, changed_at, stage, vehicle_type, toUInt8(1) AS found
            FROM {db}.road_vehicles FINAL
        ) AS r ON r.plate_no = t.plate_no AND r.plate_color = t.plate_color AND r.changed_at <= t.entry_at
        LEFT JOIN
        (
            SELECT plate_no, plate_color, argMin(stage, (changed_at, version)) AS stage,
                   argMin(vehicle_type, (changed_at, version)) AS vehicle_type, toUInt8(1) AS found
            FROM {db}.road_vehicles FINAL
            GROUP BY plate_no, plate_color
        ) AS f ON f.plate_no = t.plate_no AND f.plate_color = t.plate_color
        LEFT JOIN ({EffectivePassages(db)}) AS p ON p.passage_id = t.entry_passage_id
        """;

    /// <summary>Passages of days {from}…{to} with the vehicle type a review settled on and whether a review rejected
    /// them — what <c>passages_effective</c> says of them, restricted to the range on both sides of the join: the
    /// view's own filter does not reach inside its join, so through it each refresh read every passage (measured:
    /// 7.5 s for one day at 1 M passages, the rating benchmark).</summary>
    public static string EffectivePassages(string db) =>
        $"""
        SELECT p.passage_id AS passage_id, p.enterprise_id AS enterprise_id, p.pass_time AS pass_time, p.direction AS direction,
               if(a.reviewed = 1, a.vehicle_type_after, p.vehicle_type) AS vehicle_type,
               a.reviewed = 1 AND a.status_after = 'rejected' AS rejected
        FROM
        (
            SELECT passage_id, enterprise_id, pass_time, direction, vehicle_type FROM {db}.passages FINAL
            WHERE toDate(pass_time) BETWEEN toDate({"{from:String}"}) AND toDate({"{to:String}"})
        ) AS p
        LEFT JOIN
        (
            SELECT passage_id, toUInt8(1) AS reviewed,
                   argMax(status_after, (applied_at, action_id)) AS status_after,
                   argMax(vehicle_type_after, (applied_at, action_id)) AS vehicle_type_after
            FROM {db}.review_actions
            WHERE toDate(pass_time) BETWEEN toDate({"{from:String}"}) AND toDate({"{to:String}"})
            GROUP BY passage_id
        ) AS a ON a.passage_id = p.passage_id
        """;

    private const string Columns =
        "enterprise_id, day, road_trips, road_kg, heavy_trips_by_stage, heavy_kg_by_stage, unknown_stage_trips, " +
        "unknown_stage_kg, clean_mode_tonnes, alert_day, passages, heavy_passages, interceptions";

    /// <summary>Recomputes days {from}…{to} (strings yyyy-MM-dd) for every enterprise as rows of version {version}.</summary>
    public static string Refresh(string db) =>
        $"""
        INSERT INTO {db}.{RatingTables.Daily} ({Columns}, version)
        SELECT enterprise_id, day,
               sum(road_trips), sum(road_kg), sumMap(heavy_trips_by_stage), sumMap(heavy_kg_by_stage),
               sum(unknown_stage_trips), sum(unknown_stage_kg), sum(clean_mode_tonnes), max(alert_day),
               sum(passages), sum(heavy_passages), sum(interceptions), {"{version:UInt64}"}
        FROM
        (
            SELECT enterprise_id, day,
                   toUInt64(sum(n)) AS road_trips, toInt64(sum(kg)) AS road_kg,
                   CAST(sumMap(map(stage, toUInt64(if(heavy, n, 0)))), 'Map(String, UInt64)') AS heavy_trips_by_stage,
                   CAST(sumMap(map(stage, toInt64(if(heavy, kg, 0)))), 'Map(String, Int64)') AS heavy_kg_by_stage,
                   toUInt64(sumIf(n, unknown_stage)) AS unknown_stage_trips, toInt64(sumIf(kg, unknown_stage)) AS unknown_stage_kg,
                   toDecimal128(0, 3) AS clean_mode_tonnes, toUInt8(0) AS alert_day,
                   toUInt64(0) AS passages, toUInt64(0) AS heavy_passages, toUInt64(0) AS interceptions
            FROM
            (
                SELECT enterprise_id, day, stage, heavy, unknown_stage, count() AS n, sum(kg) AS kg
                FROM ({TripFacts(db)})
                GROUP BY enterprise_id, day, stage, heavy, unknown_stage
            )
            GROUP BY enterprise_id, day

            UNION ALL
            SELECT enterprise_id, toDate(pass_time) AS day, 0, 0, CAST(map(), 'Map(String, UInt64)'), CAST(map(), 'Map(String, Int64)'),
                   0, 0, toDecimal128(0, 3), 0, toUInt64(count()), toUInt64(countIf({IsHeavy("vehicle_type")})), 0
            FROM ({EffectivePassages(db)})
            WHERE direction = 1 AND NOT rejected
            GROUP BY enterprise_id, day

            UNION ALL
            SELECT enterprise_id, toDate(pass_time) AS day, 0, 0, CAST(map(), 'Map(String, UInt64)'), CAST(map(), 'Map(String, Int64)'),
                   0, 0, toDecimal128(0, 3), toUInt8(max(control_status NOT IN ('', '常态'))), 0, 0,
                   toUInt64(uniqExactIf(passage_id, outcome = 'deny'))
            FROM {db}.gate_decisions FINAL
            WHERE toDate(pass_time) BETWEEN toDate({"{from:String}"}) AND toDate({"{to:String}"})
            GROUP BY enterprise_id, day

            UNION ALL
            SELECT enterprise_id, ship_date AS day, 0, 0, CAST(map(), 'Map(String, UInt64)'), CAST(map(), 'Map(String, Int64)'),
                   0, 0, toDecimal128(sum(tonnes), 3), 0, 0, 0, 0
            FROM {db}.{RatingTables.CleanModeShipments} FINAL
            WHERE ship_date BETWEEN toDate({"{from:String}"}) AND toDate({"{to:String}"})
            GROUP BY enterprise_id, day

            UNION ALL
            SELECT enterprise_id, day, 0, 0, CAST(map(), 'Map(String, UInt64)'), CAST(map(), 'Map(String, Int64)'),
                   0, 0, toDecimal128(0, 3), 0, 0, 0, 0
            FROM {db}.{RatingTables.Daily} FINAL
            WHERE day BETWEEN toDate({"{from:String}"}) AND toDate({"{to:String}"})
        )
        GROUP BY enterprise_id, day
        """;

    /// <summary>China days whose figures may have changed since {since} (Unix ms, UTC; 0 = everything).</summary>
    public static string ChangedDays(string db) =>
        $"""
        SELECT DISTINCT toString(day) AS changed_day FROM
        (
            SELECT toDate(entry_time) AS day FROM {db}.trips WHERE updated_at >= fromUnixTimestamp64Milli({"{since:Int64}"}, 'UTC')
            UNION ALL SELECT toDate(pass_time) FROM {db}.passages WHERE ingested_at >= fromUnixTimestamp64Milli({"{since:Int64}"}, 'UTC')
            UNION ALL SELECT toDate(pass_time) FROM {db}.gate_decisions WHERE recorded_at >= fromUnixTimestamp64Milli({"{since:Int64}"}, 'UTC')
            UNION ALL SELECT toDate(pass_time) FROM {db}.review_actions WHERE recorded_at >= fromUnixTimestamp64Milli({"{since:Int64}"}, 'UTC')
            UNION ALL SELECT ship_date FROM {db}.{RatingTables.CleanModeShipments} WHERE recorded_at >= fromUnixTimestamp64Milli({"{since:Int64}"}, 'UTC')
            UNION ALL SELECT toDate(entry_time) FROM {db}.trips
                WHERE (plate_no, plate_color) IN (SELECT plate_no, plate_color FROM {db}.road_vehicles
                                                  WHERE ingested_at >= fromUnixTimestamp64Milli({"{since:Int64}"}, 'UTC'))
        )
        ORDER BY 1
        """;
}
