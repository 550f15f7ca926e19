-- Gate decisions (门禁放行/拦截判定), one row per passage, written by the gate decision service.
-- ReplacingMergeTree on the passage id (the same id as in passages) is the second guard against a re-decided
-- redelivery; the writer's id check is the first. The sorting key holds only columns fixed by the event, so a
-- re-decision with another outcome still collapses onto the first row's key.
-- Deny rows are the interception ledger (拦截台账): the skip index on outcome lets "deny on day D" read only the
-- granules that hold a deny, and the views of 0006 name the ledger.
CREATE TABLE IF NOT EXISTS {db}.gate_decisions
(
    passage_id     UUID,
    event_id       String,
    enterprise_id  LowCardinality(String),
    gate_id        LowCardinality(String),
    lane_id        LowCardinality(String),
    direction      UInt8 COMMENT '1 = 进厂, 2 = 出厂',
    pass_time      DateTime('Asia/Shanghai'),
    plate_no       String,
    plate_color    LowCardinality(String),
    vehicle_type   LowCardinality(String),
    outcome        LowCardinality(String) COMMENT 'allow | deny | manual',
    outcome_text   LowCardinality(String) COMMENT '允许通行 | 禁止通行 | 人工核验',
    rule_id        LowCardinality(String) COMMENT 'blacklist, hazmat-booking, unknown-vehicle, default-allow, exit-condition, policy:<id>',
    rule_text      String,
    display_text   String COMMENT '门岗显示屏文字',
    stage          LowCardinality(String),
    control_status LowCardinality(String),
    reasons        Array(String),
    decided_at     DateTime64(3, 'Asia/Shanghai'),
    policy_version UInt64,
    recorded_at    DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_outcome outcome TYPE set(3) GRANULARITY 1,
    INDEX idx_plate plate_no TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(pass_time)
ORDER BY (enterprise_id, toDate(pass_time), gate_id, passage_id)
TTL pass_time + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;
