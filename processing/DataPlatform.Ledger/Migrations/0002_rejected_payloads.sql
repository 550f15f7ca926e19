-- Every payload a stage rejected, whole, with the reason: listable and re-submittable after a fix.
CREATE TABLE IF NOT EXISTS {db}.rejected_payloads
(
    rejection_id UUID,
    received_at  DateTime64(3, 'Asia/Shanghai'),
    stage        LowCardinality(String),
    source       LowCardinality(String),
    reason_code  LowCardinality(String),
    reason       String,
    payload      String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (toDate(received_at), reason_code, rejection_id)
TTL toDateTime(received_at) + INTERVAL 30 MONTH
