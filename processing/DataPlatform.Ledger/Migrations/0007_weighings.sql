-- Weighbridge weighings (过磅记录), one row per weighing message from gate.weighings.
-- ReplacingMergeTree on the deterministic weighing id is the second guard against redelivery; the writer's id
-- check is the first. Trip pairing reads a few days of it by enterprise and time, hence the sorting key.
CREATE TABLE IF NOT EXISTS {db}.weighings
(
    weighing_id    UUID,
    message_id     String,
    enterprise_id  LowCardinality(String),
    weighbridge_id LowCardinality(String),
    weigh_time     DateTime64(3, 'Asia/Shanghai'),
    weight_kg      Decimal(12, 3),
    kind           LowCardinality(String) COMMENT 'gross | tare | unknown',
    ticket_no      String,
    cargo_name     String,
    plate_no       String COMMENT 'empty when the weighbridge did not record a plate',
    device_id      LowCardinality(String),
    received_at    DateTime64(3, 'Asia/Shanghai'),
    ingested_at    DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_plate plate_no TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(weigh_time)
ORDER BY (enterprise_id, toDate(weigh_time), weighbridge_id, weighing_id)
TTL toDateTime(weigh_time) + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;
