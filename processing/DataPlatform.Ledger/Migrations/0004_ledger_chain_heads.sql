-- The last link of every hash chain, kept apart from the ledger rows: with it, deleting the newest rows of a
-- chain or re-sealing a chain consistently is still detected. Upserted after each written batch; the version
-- column makes the longest head win whatever order the upserts land in, and a re-written equal head is harmless.
CREATE TABLE IF NOT EXISTS {db}.ledger_chain_heads
(
    ledger     LowCardinality(String) COMMENT 'the sealed ledger table, e.g. passages',
    chain_key  String COMMENT 'enterprise/gate/lane/yyyy-MM-dd',
    chain_date Date MATERIALIZED toDate(substring(chain_key, length(chain_key) - 9, 10)),
    last_seq   UInt64,
    last_hash  String,
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(last_seq)
PARTITION BY toYYYYMM(chain_date)
ORDER BY (ledger, chain_date, chain_key)
TTL chain_date + INTERVAL 30 MONTH
