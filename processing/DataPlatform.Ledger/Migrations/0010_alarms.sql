-- Alarms (告警), one row per alarm id, written by the alarm service from gate decisions and device events.
-- The id is derived from (rule, dedupe key, dedupe window), so repeats inside a window and redeliveries map to
-- one id: the writer's id check is the first guard, ReplacingMergeTree on that id the second.
-- window_start is fixed by the id and is the time column: the id check prunes to the months a batch touches.
-- Kept 30 months (≥ 24 required), like the decision ledger the alarms point into.
CREATE TABLE IF NOT EXISTS {db}.alarms
(
    alarm_id      UUID,
    rule_id       LowCardinality(String) COMMENT 'blacklist-attempt, policy-violation-attempt, plate-unrecognised, device-offline, ...',
    source        LowCardinality(String) COMMENT 'decision | device-event',
    severity      LowCardinality(String) COMMENT 'info | warning | critical (提示/警告/严重)',
    title         String COMMENT '告警标题（中文）',
    dedupe_key    String,
    window_start  DateTime('Asia/Shanghai'),
    raised_at     DateTime64(3, 'Asia/Shanghai'),
    enterprise_id LowCardinality(String),
    gate_id       LowCardinality(String),
    subject       String COMMENT '车牌号或设备编号',
    source_id     String COMMENT 'passage id or device event id of the input that raised it',
    detail        String,
    recorded_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_severity severity TYPE set(3) GRANULARITY 1
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(window_start)
ORDER BY (window_start, alarm_id)
TTL window_start + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;
