-- The rating's per enterprise × China day figures (analytics/README.md "Metric definitions"), additive so any period
-- is a sum: trips and net kg of closed inbound/outbound trips, heavy goods vehicles' by the stage in force at entry
-- ('' = vehicle unknown to the register), clean-mode tonnes, whether the day was under a heavy-pollution alert, entry
-- passages and denied entries. Written by the rating refresh job (a recompute of a day writes a new version of its
-- row, so late data replaces the day's figures; read with FINAL). Partitioned by year: ~365 rows per enterprise.
CREATE TABLE IF NOT EXISTS {db}.rating_daily
(
    enterprise_id        LowCardinality(String),
    day                  Date COMMENT 'China calendar day',
    road_trips           UInt64 COMMENT 'closed trips, load inbound/outbound, entry on the day',
    road_kg              Int64 COMMENT 'Σ net_kg of those trips',
    heavy_trips_by_stage Map(LowCardinality(String), UInt64) COMMENT 'heavy goods vehicle (H1x/Q1x) trips by stage in force at entry',
    heavy_kg_by_stage    Map(LowCardinality(String), Int64) COMMENT 'their Σ net_kg by stage',
    unknown_stage_trips  UInt64 COMMENT 'road trips whose vehicle the register did not know',
    unknown_stage_kg     Int64,
    clean_mode_tonnes    Decimal(18, 3) COMMENT 'Σ imported rail/water/pipeline/conveyor tonnes, in + out',
    alert_day            UInt8 COMMENT '1 when any gate decision of the day was under a heavy-pollution alert',
    passages             UInt64 COMMENT 'entry passages (not rejected by review)',
    heavy_passages       UInt64 COMMENT 'entry passages of heavy goods vehicles',
    interceptions        UInt64 COMMENT 'entries denied at the gate',
    version              UInt64 COMMENT 'Unix ms of the refresh that computed the row',
    refreshed_at         DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYear(day)
ORDER BY (enterprise_id, day);

-- The refresh job's progress: the ledger-change watermark it has folded into rating_daily.
CREATE TABLE IF NOT EXISTS {db}.rating_refresh_log
(
    refreshed_at DateTime64(3, 'UTC'),
    watermark    DateTime64(3, 'UTC') COMMENT 'ledger rows changed before this are in rating_daily',
    days         UInt32 COMMENT 'enterprise-days recomputed',
    elapsed_ms   UInt32,
    trigger      LowCardinality(String) COMMENT 'job | cli | import'
)
ENGINE = MergeTree
ORDER BY refreshed_at
TTL toDateTime(refreshed_at) + INTERVAL 24 MONTH
