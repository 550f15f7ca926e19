-- Lane read fusion (issue 4 §2): reads of one physical passage by several devices of a lane and direction within
-- the fusion window become ONE passage (the earliest camera read's event); every other read is kept here, linked
-- to that passage, never lost: a second camera agreeing (raises confidence), a confusable read the registry or a
-- registered e-tag resolved (the rule recorded), a conflicting read (the passage is flagged for review), or a
-- read that arrived after its passage was written (late). Append-only; read_id is the id the read's event would
-- have had as a passage (PassageIdentity), so a gate decision made on that read finds its fused passage here.
CREATE TABLE IF NOT EXISTS {db}.lane_reads
(
    read_id       UUID,
    passage_id    UUID COMMENT 'the fused passage (passages.passage_id)',
    event_id      String,
    enterprise_id LowCardinality(String),
    gate_id       LowCardinality(String),
    lane_id       LowCardinality(String),
    direction     UInt8 COMMENT '1 = 进厂, 2 = 出厂, 0 = unknown (e-tag)',
    pass_time     DateTime('Asia/Shanghai'),
    source        LowCardinality(String) COMMENT 'camera | etag',
    device_id     LowCardinality(String),
    plate_no      String,
    plate_color   LowCardinality(String),
    confidence    Nullable(Float32),
    vehicle_type  LowCardinality(String),
    pictures      Array(String),
    relation      LowCardinality(String) COMMENT 'agree | corrected | conflict | late | unmatched',
    passage_plate String COMMENT 'the plate the passage settled on',
    rule          String COMMENT '融合规则（中文）',
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX idx_read_id read_id TYPE bloom_filter GRANULARITY 4,
    INDEX idx_passage_id passage_id TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(pass_time)
ORDER BY (enterprise_id, toDate(pass_time), gate_id, lane_id, read_id)
TTL pass_time + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000
