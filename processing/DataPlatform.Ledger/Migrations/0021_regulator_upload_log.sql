-- The upload log (上传日志): one row per attempt of every record, whatever its outcome, with the real-time /
-- 补传 flag, the error and the acknowledgement time. An attempt whose outcome was lost in a crash is logged on
-- restart as 'unknown'. Keyed by (record_id, attempt): a batch written twice after a failed insert collapses.
CREATE TABLE IF NOT EXISTS {db}.regulator_upload_log
(
    record_id     String,
    attempt       UInt32,
    kind          LowCardinality(String),
    enterprise_id LowCardinality(String),
    gate_id       LowCardinality(String),
    generated_at  DateTime64(3, 'UTC'),
    mode          LowCardinality(String) COMMENT 'realtime (实时) | backfill (补传)',
    started_at    DateTime64(3, 'UTC'),
    finished_at   DateTime64(3, 'UTC'),
    outcome       LowCardinality(String) COMMENT 'Acknowledged | Duplicate | Refused | TransportError | Timeout | BadResponse | unknown',
    response_code String,
    error         String,
    acked_at      Nullable(DateTime64(3, 'UTC'))
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(generated_at)
ORDER BY (record_id, attempt)
TTL toDateTime(generated_at) + INTERVAL 30 MONTH;
