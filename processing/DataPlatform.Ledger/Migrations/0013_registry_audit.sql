-- Registry audit log: who changed which register record when, and how (field, before, after). Append-only:
-- nothing updates or deletes it; audit_id = the change id, so a redelivered change is written once. Manual
-- passages entered at the guard booth are audited here too (register = 'passage').
CREATE TABLE IF NOT EXISTS {db}.registry_audit
(
    audit_id       UUID,
    enterprise_id  LowCardinality(String),
    register       LowCardinality(String) COMMENT 'in-plant | non-road | road | passage',
    record_key     String,
    action         LowCardinality(String) COMMENT 'create | update | manual-passage',
    version        UInt32,
    changed_at     DateTime64(3, 'Asia/Shanghai'),
    source         LowCardinality(String) COMMENT 'guard-booth | national-platform',
    operator_id    LowCardinality(String),
    changed_fields Array(String),
    before_values  Array(String),
    after_values   Array(String),
    ingested_at    DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(changed_at)
ORDER BY (enterprise_id, toDate(changed_at), register, audit_id)
TTL toDateTime(changed_at) + INTERVAL 30 MONTH
SETTINGS non_replicated_deduplication_window = 1000;
