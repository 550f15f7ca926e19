-- The review ledger (人工审核记录): every approve / correct / reject of a passage, append-only, with who, when,
-- why and the values before and after. A correction never edits the sealed passage row: the effective record is
-- the view of 0018. Rows are sealed onto their own hash chain (one per enterprise and China date of applied_at,
-- heads in ledger_chain_heads under ledger 'review_actions'); passage_record_hash binds each action to the exact
-- sealed passage it reviewed. One writer (review.actions has one partition) gives the chain one order.
CREATE TABLE IF NOT EXISTS {db}.review_actions
(
    action_id           UUID COMMENT 'derived from the sender''s actionId: a resend is one action',
    request_id          String,
    passage_id          UUID,
    passage_record_hash String,
    enterprise_id       LowCardinality(String),
    gate_id             LowCardinality(String),
    lane_id             LowCardinality(String),
    pass_time           DateTime('Asia/Shanghai'),
    action              LowCardinality(String) COMMENT 'approve | correct | reject',
    reject_kind         LowCardinality(String) COMMENT 'non-vehicle | duplicate for reject',
    operator            String COMMENT '审核人',
    source              LowCardinality(String) COMMENT 'cli | guard-booth:<device>',
    reason              String COMMENT '审核理由',
    requested_at        DateTime64(3, 'Asia/Shanghai'),
    applied_at          DateTime64(3, 'Asia/Shanghai') COMMENT 'order of application (one writer)',
    resolution_no       UInt32 COMMENT '1 for the passage''s first applied action, then 2, ...',
    status_before       LowCardinality(String),
    status_after        LowCardinality(String) COMMENT 'approved | corrected | rejected',
    plate_no_before     String,
    plate_color_before  LowCardinality(String),
    vehicle_type_before LowCardinality(String),
    plate_no_after      String,
    plate_color_after   LowCardinality(String),
    vehicle_type_after  LowCardinality(String),
    chain_key           LowCardinality(String),
    chain_seq           UInt64,
    prev_hash           String,
    record_hash         String,
    recorded_at         DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_passage passage_id TYPE bloom_filter GRANULARITY 1
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(applied_at)
ORDER BY (enterprise_id, toDate(applied_at), action_id)
TTL toDateTime(applied_at) + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000
