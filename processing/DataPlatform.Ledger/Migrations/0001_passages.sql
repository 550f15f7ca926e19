-- Transport-vehicle passages (进出厂运输车辆), one row per gate event.
-- ReplacingMergeTree on the deterministic passage id is the second guard against redelivery;
-- the writer's own id check is the first. Ordered for "any day, any vehicle type" look-ups.
CREATE TABLE IF NOT EXISTS {db}.passages
(
    passage_id    UUID,
    event_id      String,
    enterprise_id LowCardinality(String),
    gate_id       LowCardinality(String),
    lane_id       LowCardinality(String),
    direction     UInt8 COMMENT '1 = 进厂, 2 = 出厂',
    pass_time     DateTime('Asia/Shanghai'),
    plate_no      String,
    plate_color   LowCardinality(String),
    confidence    Nullable(Float32),
    vehicle_type  LowCardinality(String),
    device_id     LowCardinality(String),
    pictures      Array(String),
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(pass_time)
ORDER BY (enterprise_id, toDate(pass_time), vehicle_type, gate_id, passage_id)
TTL pass_time + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000
