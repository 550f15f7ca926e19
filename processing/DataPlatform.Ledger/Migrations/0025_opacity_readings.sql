-- Smoke-opacity readings (不透光烟度检测记录), one row per meter reading from gate.emission-readings.
-- The id is derived from (enterprise, device, the meter's reading id), so a re-sent or redelivered reading maps to
-- one row: the writer's id check is the first guard, ReplacingMergeTree on that id the second.
-- Partitioned by month and kept 30 months (≥ 24 required), like the other ledgers; a truck's readings are found
-- by plate through the bloom filter.
CREATE TABLE IF NOT EXISTS {db}.opacity_readings
(
    reading_id             UUID,
    meter_reading_id       String COMMENT 'the meter''s own id of the measurement',
    enterprise_id          LowCardinality(String),
    gate_id                LowCardinality(String),
    lane_id                LowCardinality(String),
    device_id              LowCardinality(String),
    plate_no               String,
    plate_color            LowCardinality(String),
    measured_at            DateTime64(3, 'Asia/Shanghai'),
    opacity_percent        Nullable(Decimal(6, 3)) COMMENT '不透光度 N, %',
    absorption_coefficient Nullable(Decimal(6, 3)) COMMENT '光吸收系数 k, m⁻¹',
    method                 LowCardinality(String) COMMENT 'free-acceleration | lug-down | remote-sensing | unknown',
    received_at            DateTime64(3, 'Asia/Shanghai'),
    ingested_at            DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_plate plate_no TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(measured_at)
ORDER BY (enterprise_id, toDate(measured_at), device_id, reading_id)
TTL toDateTime(measured_at) + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;
