-- Trips (进出厂运输车辆台账 with 运输量 and 货物名称): an entry passage, its exit and the weighings between them,
-- rebuilt periodically from passages and weighings by the trips job. A trip is written again when it changes
-- (its exit or a weighing arrives), so ReplacingMergeTree keeps the row with the highest version; read with FINAL.
-- The sorting key holds only what the entry passage fixes, so every version of a trip collapses onto one key.
CREATE TABLE IF NOT EXISTS {db}.trips
(
    trip_id          UUID,
    enterprise_id    LowCardinality(String),
    gate_id          LowCardinality(String) COMMENT 'entry gate',
    exit_gate_id     LowCardinality(String) COMMENT 'empty while open',
    plate_no         String,
    plate_color      LowCardinality(String),
    entry_passage_id UUID,
    entry_time       DateTime('Asia/Shanghai'),
    exit_passage_id  Nullable(UUID),
    exit_time        Nullable(DateTime('Asia/Shanghai')),
    status           LowCardinality(String) COMMENT 'open | closed',
    load             LowCardinality(String) COMMENT 'unknown | inbound | outbound | empty',
    gross_kg         Nullable(Int32),
    tare_kg          Nullable(Int32),
    net_kg           Nullable(Int32),
    cargo_name       String,
    weighing_ids     Array(UUID),
    content_hash     String COMMENT 'hash of the trip content; the job rewrites a trip only when it changed',
    version          UInt64 COMMENT 'Unix ms of the job run that wrote this content',
    updated_at       DateTime64(3, 'UTC'),
    INDEX idx_plate plate_no TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(entry_time)
ORDER BY (enterprise_id, toDate(entry_time), gate_id, trip_id)
TTL entry_time + INTERVAL 30 MONTH;
