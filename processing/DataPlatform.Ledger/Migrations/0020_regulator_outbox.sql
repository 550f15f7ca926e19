-- The regulator bridge's durable outbox: one row per version of a record's upload state (spec §5, issue 5).
-- Every state change (new, in flight, acknowledged, retry wait, failed) writes a new row with a higher revision;
-- ReplacingMergeTree(revision) keeps the newest, so read it with FINAL or argMax(…, revision). generated_at never
-- changes for a record, so all its versions share one partition and collapse on merge.
-- source holds the ledger.records JSON the payload is built from, so a restart rebuilds the upload without Kafka.
CREATE TABLE IF NOT EXISTS {db}.regulator_outbox
(
    record_id        String COMMENT 'globally unique upload id, e.g. E1302001-P-<passage uuid>',
    kind             LowCardinality(String) COMMENT 'Passage, VehicleRegister, …',
    enterprise_id    LowCardinality(String),
    gate_id          LowCardinality(String),
    generated_at     DateTime64(3, 'UTC'),
    deadline         DateTime64(3, 'UTC'),
    state            LowCardinality(String) COMMENT 'Pending | InFlight | RetryWait | Acknowledged | Failed',
    attempts         UInt32,
    mode             LowCardinality(String) COMMENT 'realtime (实时) | backfill (补传) | empty before the first attempt',
    first_attempt_at Nullable(DateTime64(3, 'UTC')),
    attempt_started_at Nullable(DateTime64(3, 'UTC')),
    next_attempt_at  Nullable(DateTime64(3, 'UTC')),
    acknowledged_at  Nullable(DateTime64(3, 'UTC')),
    last_error       String,
    complete         UInt8 COMMENT 'payload had every mandatory field and image (完整)',
    missing          String COMMENT '缺少字段/图片',
    source           String CODEC(ZSTD(3)),
    revision         UInt64
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(generated_at)
ORDER BY record_id
TTL toDateTime(generated_at) + INTERVAL 30 MONTH;
