-- Registers (spec §1.2 厂内运输车辆, §1.3 非道路移动机械) and road vehicles learnt from the national vehicle/machinery
-- environmental information platform. One row per version: a change writes version = previous + 1, so the
-- history stays; the *_latest views pick each record's newest version. row_id = the change id, so a
-- redelivered change is skipped by the writer and collapsed by ReplacingMergeTree. Registers are small and must
-- outlive any vehicle's time at the plant: no partitioning, and a version is kept 20 years after it was written
-- (beyond any machine's service life; the platform's ledgers keep ≥ 24 months). `fields` keeps every field as entered.
CREATE TABLE IF NOT EXISTS {db}.in_plant_vehicles
(
    row_id            UUID,
    enterprise_id     LowCardinality(String),
    registration_code String COMMENT '环保登记编码 or the plant''s internal number',
    version           UInt32,
    changed_at        DateTime64(3, 'Asia/Shanghai'),
    source            LowCardinality(String) COMMENT 'guard-booth | national-platform',
    operator_id       LowCardinality(String),
    plate_no          String,
    plate_color       LowCardinality(String),
    vin               String,
    vehicle_type      LowCardinality(String),
    fuel              LowCardinality(String) COMMENT 'GA 24.9 code',
    stage             LowCardinality(String) COMMENT '0…6, 6a, 6b, D',
    owner             String,
    fields            Map(String, String),
    ingested_at       DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (enterprise_id, registration_code, row_id)
TTL toDateTime(changed_at) + INTERVAL 240 MONTH
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {db}.non_road_machinery
(
    row_id            UUID,
    enterprise_id     LowCardinality(String),
    registration_code String COMMENT '环保登记编码',
    version           UInt32,
    changed_at        DateTime64(3, 'Asia/Shanghai'),
    source            LowCardinality(String),
    operator_id       LowCardinality(String),
    plate_no          String,
    plate_color       LowCardinality(String),
    pin               String COMMENT 'PIN / 机械环保代码',
    machinery_kind    LowCardinality(String) COMMENT 'excavator, loader, forklift … (spec §2.7)',
    fuel              LowCardinality(String),
    stage             LowCardinality(String) COMMENT '0…4, D, X',
    owner             String,
    fields            Map(String, String),
    ingested_at       DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (enterprise_id, registration_code, row_id)
TTL toDateTime(changed_at) + INTERVAL 240 MONTH
SETTINGS non_replicated_deduplication_window = 1000;

CREATE TABLE IF NOT EXISTS {db}.road_vehicles
(
    row_id            UUID,
    enterprise_id     LowCardinality(String),
    registration_code String COMMENT 'plate/colour, e.g. 冀B12345/yellow',
    version           UInt32,
    changed_at        DateTime64(3, 'Asia/Shanghai'),
    source            LowCardinality(String),
    operator_id       LowCardinality(String),
    plate_no          String,
    plate_color       LowCardinality(String),
    vin               String,
    vehicle_type      LowCardinality(String),
    fuel              LowCardinality(String),
    stage             LowCardinality(String),
    owner             String,
    fields            Map(String, String),
    ingested_at       DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (enterprise_id, registration_code, row_id)
TTL toDateTime(changed_at) + INTERVAL 240 MONTH
SETTINGS non_replicated_deduplication_window = 1000;

CREATE VIEW IF NOT EXISTS {db}.in_plant_vehicles_latest AS
SELECT * FROM {db}.in_plant_vehicles FINAL
ORDER BY enterprise_id, registration_code, version DESC
LIMIT 1 BY enterprise_id, registration_code;

CREATE VIEW IF NOT EXISTS {db}.non_road_machinery_latest AS
SELECT * FROM {db}.non_road_machinery FINAL
ORDER BY enterprise_id, registration_code, version DESC
LIMIT 1 BY enterprise_id, registration_code;

CREATE VIEW IF NOT EXISTS {db}.road_vehicles_latest AS
SELECT * FROM {db}.road_vehicles FINAL
ORDER BY enterprise_id, registration_code, version DESC
LIMIT 1 BY enterprise_id, registration_code;
