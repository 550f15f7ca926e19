-- Where registered in-plant vehicles and non-road machinery were seen: entries/exits at plant gates and
-- sightings at work-area cameras (Processing:Registers:WorkAreaGates). Non-road rows include machines seen but
-- not registered (registered = 0), which also raise the unregistered-machinery alarm. One row per gate event
-- (id derived from the event id), partitioned by month, kept 30 months, ordered for "any day, any kind".
CREATE TABLE IF NOT EXISTS {db}.in_plant_movements
(
    movement_id       UUID,
    event_id          String,
    enterprise_id     LowCardinality(String),
    registration_code String,
    plate_no          String,
    plate_color       LowCardinality(String),
    gate_id           LowCardinality(String),
    lane_id           LowCardinality(String),
    kind              LowCardinality(String) COMMENT 'entry | exit | work-area',
    pass_time         DateTime64(3, 'Asia/Shanghai'),
    stage             LowCardinality(String),
    device_id         LowCardinality(String),
    ingested_at       DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(pass_time)
ORDER BY (enterprise_id, toDate(pass_time), kind, movement_id)
TTL toDateTime(pass_time) + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {db}.non_road_sightings
(
    sighting_id       UUID,
    event_id          String,
    enterprise_id     LowCardinality(String),
    registered        UInt8,
    registration_code String COMMENT 'empty when not registered',
    plate_no          String,
    plate_color       LowCardinality(String),
    machinery_kind    LowCardinality(String) COMMENT 'empty when not registered',
    stage             LowCardinality(String),
    gate_id           LowCardinality(String),
    lane_id           LowCardinality(String),
    kind              LowCardinality(String) COMMENT 'entry | exit | work-area',
    pass_time         DateTime64(3, 'Asia/Shanghai'),
    device_id         LowCardinality(String),
    ingested_at       DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(pass_time)
ORDER BY (enterprise_id, toDate(pass_time), machinery_kind, kind, sighting_id)
TTL toDateTime(pass_time) + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;
