-- High-water marks of the ledger.records publisher, one row per record stream ('passage', 'trip'): the
-- (ingested_at / updated_at, id) up to which records were published and acknowledged by Kafka; the id breaks ties
-- because a whole insert shares one ingested_at. The newest row wins.
CREATE TABLE IF NOT EXISTS {db}.ledger_publish_marks
(
    stream     LowCardinality(String),
    mark       DateTime64(3, 'UTC'),
    mark_id    UUID,
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY stream
-- Like every ledger table; a mark only expires after 30 months without a publish, and losing it merely
-- republishes the lookback window (same record ids).
TTL toDateTime(updated_at) + INTERVAL 30 MONTH;
